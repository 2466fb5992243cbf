/**
 * The deployed `remind` entry: a client's `callFunction('remind', { Type: 'Timer' })` reaches it with
 * the caller's OPENID injected by the platform, and must be refused before anything is read or sent.
 */
const database = jest.fn(() => ({}))
const getUserInfo = jest.fn(() => ({ openId: 'wx-client' as string | undefined }))

jest.mock('@cloudbase/node-sdk', () => ({
  __esModule: true,
  default: { SYMBOL_CURRENT_ENV: 'current-env', init: () => ({ database, auth: () => ({ getUserInfo }) }) },
}))

import { main } from './index'

it('refuses the timer’s event when it comes with a user identity, reading nothing', async () => {
  expect(await main({ Type: 'Timer', TriggerName: 'remind-hourly' }, {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('定时触发器') } })
  expect(getUserInfo).toHaveBeenCalled()
})
