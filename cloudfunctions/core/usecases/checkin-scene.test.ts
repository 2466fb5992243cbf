/**
 * The 小程序码 form of the live code (issue 11): `checkin.code` answers its 24-character scene and,
 * in WeChat, the image; a member whose 扫一扫 opened the check-in page with that scene is checked
 * in under CONTRACT §3's rules, exactly as with the long token.
 */
import { MiniCodeError, type MiniCodes } from '../ports'
import { recordingMiniCodes } from '../../../tests/support/mini-codes'
import { DEMO, failure, theDemoBranch } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'

const BEFORE_START = '2026-05-20T14:25:00+08:00'

async function aMeetingWithCodes(miniCodes?: MiniCodes) {
  const app = await theDemoBranch({ at: BEFORE_START, ports: miniCodes ? { miniCodes } : {} })
  const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting('branch_assembly').build())
  const code = (ahead?: boolean) => app.as(DEMO.secretary).ok('checkin.code', { meetingId: meeting.id, ...(ahead ? { ahead } : {}) })
  return { app, meeting, code }
}


describe('a scan of the 小程序码', () => {
  it('checks the member in like the long token, with the meeting\'s points', async () => {
    const { app, meeting, code } = await aMeetingWithCodes()
    const { scene } = await code()
    expect(await app.as(DEMO.member(1)).ok('checkin.submit', { token: scene })).toEqual({
      meetingId: meeting.id, status: 'present', checkedInAt: BEFORE_START, already: false, pointsAwarded: 2,
    })
    expect(await app.as(DEMO.member(1)).ok('checkin.submit', { token: scene })).toMatchObject({ already: true, pointsAwarded: 0 })
    expect(await app.storage.find('ledger', { kind: 'meeting' })).toHaveLength(1)
  })

  it('costs no more round trips than the long token (4)', async () => {
    const { app, code } = await aMeetingWithCodes()
    const { scene } = await code()
    const before = app.storage.roundTrips
    expect((await app.as(DEMO.member(1)).call('checkin.submit', { token: scene })).ok).toBe(true)
    expect(app.storage.roundTrips - before).toBeLessThanOrEqual(4)
  })

  it('expires 40 s after it was shown', async () => {
    const { app, code } = await aMeetingWithCodes()
    const { scene } = await code()
    app.clock.set('2026-05-20T14:25:40+08:00')
    expect(await app.as(DEMO.member(1)).call('checkin.submit', { token: scene })).toEqual(failure('TOKEN_EXPIRED'))
  })

  it('is refused once the meeting moved, and for a cancelled meeting', async () => {
    const { app, meeting, code } = await aMeetingWithCodes()
    const { scene } = await code()
    await app.as(DEMO.secretary).ok('meeting.update', { meetingId: meeting.id, startAt: '2026-05-20T14:20:00+08:00' })
    expect(await app.as(DEMO.member(1)).call('checkin.submit', { token: scene })).toEqual(failure('TOKEN_EXPIRED', '会议时间已调整'))
    const fresh = await code()
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: meeting.id, reason: '改期' })
    expect(await app.as(DEMO.member(1)).call('checkin.submit', { token: fresh.scene })).toEqual(failure('CHECKIN_CLOSED'))
    expect(await app.storage.find('attendance', { meetingId: meeting.id })).toEqual([])
  })

  it('is refused when altered, and for someone not invited', async () => {
    const { app, code } = await aMeetingWithCodes()
    const { scene } = await code()
    const altered = scene.slice(0, 3) + (scene[3] === 'a' ? 'b' : 'a') + scene.slice(4)
    expect(await app.as(DEMO.member(1)).call('checkin.submit', { token: altered })).toEqual(failure('TOKEN_INVALID'))
    const { meeting: committee } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting('committee').forScope({ kind: 'committee' }).build())
    const { scene: committeeScene } = await app.as(DEMO.secretary).ok('checkin.code', { meetingId: committee.id })
    expect(await app.as(DEMO.member(1)).call('checkin.submit', { token: committeeScene })).toEqual(failure('NOT_INVITED'))
  })

  it('can be fetched for the next period before it is due, and is accepted then', async () => {
    const { app, code } = await aMeetingWithCodes()
    const now = await code()
    const next = await code(true)
    expect(next.scene).not.toBe(now.scene)
    expect(next.refreshInSec).toBe(now.refreshInSec + 20)
    app.clock.set('2026-05-20T14:25:20+08:00')
    expect((await app.as(DEMO.member(2)).call('checkin.submit', { token: next.scene })).ok).toBe(true)
  })
})

describe('the 小程序码 image (CloudBase only)', () => {
  it('is made for the check-in page with the scene, and none locally', async () => {
    const { calls, miniCodes } = recordingMiniCodes()
    const { code } = await aMeetingWithCodes(miniCodes)
    const answer = await code()
    expect(calls).toEqual([{ page: 'pages/checkin/index', scene: answer.scene }])
    expect(answer.miniCode).toEqual({ image: `data:image/png;base64,${Buffer.from(`png:pages/checkin/index?${answer.scene}`).toString('base64')}` })
    const local = await aMeetingWithCodes()
    expect((await local.code()).miniCode).toBeUndefined()
  })

  it('falls back to the plain code with what to do when WeChat refuses (41030: not published)', async () => {
    const { miniCodes } = recordingMiniCodes(new MiniCodeError(41030, 'invalid page hint'))
    const { code } = await aMeetingWithCodes(miniCodes)
    expect((await code()).miniCode).toEqual({ problem: expect.stringContaining('请在支部通内点 扫码签到') })
  })
})
