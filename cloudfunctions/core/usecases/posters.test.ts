/**
 * Printable codes (issue 11): the invite and a meeting's poster as 小程序码 in WeChat, made once
 * and kept in cloud storage; plain links locally. A meeting poster opens the meeting's page.
 */
import { MiniCodeError, type MiniCodes } from '../ports'
import { recordingMiniCodes } from '../../../tests/support/mini-codes'
import { DEMO, failure, theDemoBranch } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'


async function aBranch(miniCodes?: MiniCodes) {
  const app = await theDemoBranch({ ports: miniCodes ? { miniCodes } : {} })
  const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting('branch_assembly').build())
  return { app, meeting }
}

describe('meeting.poster', () => {
  it('in WeChat: a 小程序码 of the meeting page with a 10-character key, made once however often it is printed', async () => {
    const { calls, miniCodes } = recordingMiniCodes()
    const { app, meeting } = await aBranch(miniCodes)
    const first = await app.as(DEMO.secretary).ok('meeting.poster', { meetingId: meeting.id })
    expect(first).toMatchObject({ page: 'pages/meeting-detail/index', scene: expect.stringMatching(/^[0-9A-Za-z]{10}$/), image: { url: expect.any(String) } })
    const again = await app.as(DEMO.committee).ok('meeting.poster', { meetingId: meeting.id })
    expect(again.scene).toBe(first.scene)
    expect(calls).toEqual([{ page: 'pages/meeting-detail/index', scene: first.scene }])
    const stored = await app.storage.get('posters', `pages/meeting-detail/index?${first.scene}`)
    const file = await app.ports.files.get(stored!.fileId)
    expect(file?.contentType).toBe('image/png')
    expect(Buffer.from(file!.bytes).toString()).toBe(`png:pages/meeting-detail/index?${first.scene}`)
  })

  it('opens the meeting, never a check-in: meeting.get takes the key and answers the meeting', async () => {
    const { app, meeting } = await aBranch(recordingMiniCodes().miniCodes)
    const { scene } = await app.as(DEMO.secretary).ok('meeting.poster', { meetingId: meeting.id })
    const got = await app.as(DEMO.member(3)).ok('meeting.get', { meetingId: scene })
    expect(got.meeting.id).toBe(meeting.id)
    expect(await app.storage.find('attendance', { meetingId: meeting.id })).toEqual([])
    expect(await app.as(DEMO.member(3)).call('meeting.get', { meetingId: 'AAAAAAAAAA' })).toEqual(failure('NOT_FOUND'))
  })

  it('locally: no image, the link of the meeting page for a plain QR', async () => {
    const { app, meeting } = await aBranch()
    const poster = await app.as(DEMO.secretary).ok('meeting.poster', { meetingId: meeting.id })
    expect(poster.image).toBeUndefined()
    expect(poster.link).toBe(`/pages/meeting-detail/index?id=${meeting.id}`)
  })

  it('says what to do when WeChat refuses (41030: not published), and asks again next time', async () => {
    const { calls, miniCodes } = recordingMiniCodes(new MiniCodeError(41030, 'invalid page'))
    const { app, meeting } = await aBranch(miniCodes)
    expect(await app.as(DEMO.secretary).ok('meeting.poster', { meetingId: meeting.id })).toMatchObject({ problem: expect.stringContaining('未发布') })
    await app.as(DEMO.secretary).ok('meeting.poster', { meetingId: meeting.id })
    expect(calls).toHaveLength(2)
    expect(await app.storage.find('posters', {})).toEqual([])
  })

  it('is for the meeting\'s organisers only', async () => {
    const { app, meeting } = await aBranch()
    expect(await app.as(DEMO.member(3)).call('meeting.poster', { meetingId: meeting.id })).toEqual(failure('FORBIDDEN'))
  })
})

describe('invite.poster', () => {
  it('is the invite code as scene, kept until the invite is rotated', async () => {
    const { calls, miniCodes } = recordingMiniCodes()
    const { app } = await aBranch(miniCodes)
    const { code } = await app.as(DEMO.secretary).ok('invite.get', {})
    const first = await app.as(DEMO.secretary).ok('invite.poster', {})
    expect(first).toMatchObject({ page: 'pages/join/index', scene: code, image: { url: expect.any(String) } })
    await app.as(DEMO.secretary).ok('invite.poster', {})
    expect(calls).toHaveLength(1)
    const rotated = await app.as(DEMO.secretary).ok('invite.rotate', {})
    expect((await app.as(DEMO.secretary).ok('invite.poster', {})).scene).toBe(rotated.code)
    expect(calls.map((c) => c.scene)).toEqual([code, rotated.code])
  })
})
