import type { ErrorCode } from '../../types/envelope'

/** An expected failure that a use case reports to the caller, in Chinese. */
export class AppError extends Error {
  constructor(
    public readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** Raised by a storage adapter when an insert would break a uniqueness rule. */
export class DuplicateKeyError extends Error {
  constructor(
    public readonly collection: string,
    public readonly key: string,
  ) {
    super(`duplicate key in ${collection}: ${key}`)
    this.name = 'DuplicateKeyError'
  }
}
