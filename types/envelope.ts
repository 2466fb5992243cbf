export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'NOT_MEMBER'
  | 'FORBIDDEN'
  | 'INVALID_INPUT'
  | 'UNKNOWN_ACTION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'CHECKIN_CLOSED'
  | 'NOT_INVITED'
  | 'INTERNAL'

export type Envelope<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; requestId?: string } }

export interface CallEvent {
  action: string
  payload?: unknown
}
