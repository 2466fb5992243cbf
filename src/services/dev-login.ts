/**
 * H5 local mode only: the demo users and the local server's sign-in (CONTRACT §1, §4).
 * In the mini-program WeChat itself says who the user is; nothing here is used there.
 */
import type { Role } from '../../types/models'
import { ApiError } from './call'

export interface DemoUser {
  openid: string
  name: string
  roles: Role[]
  groupId: string | null
}

async function devFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let body: { ok: boolean; data?: T; error?: { code: string; message: string } }
  try {
    const res = await fetch(path, init)
    body = await res.json()
  } catch {
    throw new ApiError('NETWORK', '连接不到本地服务，请确认 npm start 正在运行')
  }
  if (!body.ok || body.data === undefined) throw new ApiError('INTERNAL', body.error?.message ?? '本地服务出错')
  return body.data
}

export async function listDemoUsers(): Promise<DemoUser[]> {
  return (await devFetch<{ users: DemoUser[] }>('/dev/users')).users
}

export async function devLogin(openid: string): Promise<string> {
  const data = await devFetch<{ token: string }>('/dev/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  })
  return data.token
}
