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
  | { ok: false; error: ErrorBody }

/**
 * A failure as the caller sees it. `message` is the whole sentence (CONTRACT §2); for
 * INVALID_INPUT, `field` names the payload field as data and `detail` is the sentence for
 * people without the field, so no client has to take `message` apart.
 */
export interface ErrorBody {
  code: ErrorCode
  message: string
  field?: string
  detail?: string
  requestId?: string
}

export interface CallEvent {
  action: string
  payload?: unknown
}
