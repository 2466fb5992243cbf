import type { ErrorCode } from '../../types/envelope'

/** An expected failure that a use case reports to the caller, in Chinese. */
export class AppError extends Error {
  constructor(
    public readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    /** For INVALID_INPUT: the payload field at fault, and the sentence about it for people. */
    public readonly field?: string,
    public readonly detail?: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** INVALID_INPUT naming `field` (as data, and in the message CONTRACT §2 asks for). */
export function invalidInput(field: string, detail: string): AppError {
  return new AppError('INVALID_INPUT', `参数有误：${field}：${detail}`, field, detail)
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
