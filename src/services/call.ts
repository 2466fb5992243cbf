/**
 * The ONE place that talks to the backend: WeChat's Taro.cloud.callFunction in the mini-program,
 * HTTP to the local server in H5. Typed from the action declarations (type-only: no zod reaches
 * the app), so a wrong payload fails to compile.
 */
import Taro from '@tarojs/taro'
import type { ActionName, Input, Payload, Result } from '../../cloudfunctions/core/actions'

export type { ActionName, Input, Payload, Result }
import type { Envelope, ErrorCode } from '../../types/envelope'

export type ClientErrorCode = ErrorCode | 'NETWORK'

export class ApiError extends Error {
  constructor(
    public readonly code: ClientErrorCode,
    message: string,
    /** For INVALID_INPUT: the payload field at fault and the sentence about it for people. */
    public readonly field?: string,
    public readonly detail?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** What to tell a person about a failed call: the server's words, or `fallback` for anything else. */
export function errorText(err: unknown, fallback: string): string {
  if (!(err instanceof ApiError)) return fallback
  return err.detail ?? err.message
}

const NETWORK_MESSAGE = '网络不太好，请检查网络后重试'

let authToken: string | null = null

/** H5 local mode: the session token the local server issued at sign-in. */
export function setAuthToken(token: string | null): void {
  authToken = token
}

function unwrap<T>(envelope: Envelope<T> | undefined): T {
  if (!envelope || typeof envelope !== 'object') throw new ApiError('INTERNAL', '服务器的回答无法识别，请稍后再试')
  if (envelope.ok) return envelope.data
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.field, envelope.error.detail)
}

async function send(name: string, data: { action: string; payload: unknown }): Promise<Envelope<unknown>> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.cloud.callFunction({ name, data })
      return res.result as Envelope<unknown>
    } catch {
      throw new ApiError('NETWORK', NETWORK_MESSAGE)
    }
  }
  let res: Response
  try {
    res = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authToken ? { authorization: `Bearer ${authToken}` } : {}),
      },
      body: JSON.stringify(data),
    })
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE)
  }
  try {
    return (await res.json()) as Envelope<unknown>
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE)
  }
}

export async function call<K extends ActionName>(action: K, payload: Input<K>): Promise<Result<K>> {
  return unwrap((await send('api', { action, payload })) as Envelope<Result<K>>)
}
