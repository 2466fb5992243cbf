export type { ActionName, Audience, Payload, Result } from '../../../types/views'
