/**
 * 会议记录 through the router (CONTRACT §6): written by the meeting's organisers once it has
 * started, every save kept; the attendance part is attendance.get's; invitees read the text.
 */
import type { MeetingType } from '../../../types/models'
import { DEMO, failure, theDemoBranch } from '../../../tests/support/app'
import { aMeeting } from '../../../tests/support/builders'

const DAY_BEFORE = '2026-05-19T09:00:00+08:00'
const DURING = '2026-05-20T15:00:00+08:00'
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9])

const minutes = {
  host: '王建华',
  recorder: '李明',
  topics: ['传达学习全会精神', '讨论发展对象'],
  summary: '王建华同志传达了全会精神，大家结合工作交流了体会。',
  decisions: '同意将张三列为发展对象。',
}

/** A meeting 14:30–16:30 on 2026-05-20, made the day before: 01 scans in, 02 on approved leave (出差在外地), 04 refused (家里有事). */
async function aMeetingUnderWay(type: MeetingType = 'branch_assembly', scope?: { kind: 'group'; groupId: string }) {
  const app = await theDemoBranch({ at: DAY_BEFORE })
  const secretary = app.as(DEMO.secretary)
  // Members 11–20 stand in for 01–10 at a meeting of the second group.
  const member = (n: number) => DEMO.member(scope?.groupId === DEMO.group2 ? n + 10 : n)
  const { meeting } = await secretary.ok('meeting.create', { ...aMeeting(type).titled('五月支部党员大会').build(), ...(scope ? { scope } : {}) })
  const leave = await app.as(member(2)).ok('leave.request', { meetingId: meeting.id, reason: '出差在外地' })
  await secretary.ok('leave.review', { leaveId: leave.leaveId, approve: true })
  const refused = await app.as(member(4)).ok('leave.request', { meetingId: meeting.id, reason: '家里有事' })
  await secretary.ok('leave.review', { leaveId: refused.leaveId, approve: false })
  app.clock.set('2026-05-20T14:25:00+08:00')
  const { token } = await secretary.ok('checkin.code', { meetingId: meeting.id })
  await app.as(member(1)).ok('checkin.submit', { token })
  app.clock.set(DURING)
  return { app, meeting, secretary, save: (by: string, extra: object = {}) => app.as(by).call('minutes.save', { meetingId: meeting.id, ...minutes, ...extra }) }
}

describe('minutes.save', () => {
  it('is refused before the meeting starts, and for a cancelled meeting', async () => {
    const app = await theDemoBranch({ at: DAY_BEFORE })
    const { meeting } = await app.as(DEMO.secretary).ok('meeting.create', aMeeting('branch_assembly').build())
    expect(await app.as(DEMO.secretary).call('minutes.save', { meetingId: meeting.id, ...minutes })).toMatchObject(failure('CONFLICT', '会议开始后'))
    await app.as(DEMO.secretary).ok('meeting.cancel', { meetingId: meeting.id, reason: '与上级会议冲突' })
    app.clock.set(DURING)
    expect(await app.as(DEMO.secretary).call('minutes.save', { meetingId: meeting.id, ...minutes })).toMatchObject(failure('CONFLICT', '已取消'))
    expect(await app.storage.find('minutes', {})).toEqual([])
  })

  it('saves once started; minutes.get answers the fields under the names sent', async () => {
    const { app, meeting, save } = await aMeetingUnderWay()
    expect(await save(DEMO.secretary)).toMatchObject({ ok: true, data: { minutes: { ...minutes, photos: [], version: 1, updatedBy: DEMO.secretary, updatedByName: '王建华' } } })
    const got = await app.as(DEMO.committee).ok('minutes.get', { meetingId: meeting.id })
    expect(got.minutes).toEqual({ meetingId: meeting.id, ...minutes, photos: [], version: 1, updatedAt: DURING, updatedBy: DEMO.secretary, updatedByName: '王建华' })
    expect(got.meeting).toMatchObject({ id: meeting.id, title: '五月支部党员大会' })
    expect(got.roster).toHaveLength(23)
    expect(got.roster).toContainEqual({ memberId: DEMO.secretary, name: '王建华' })
  })

  it('keeps every edit (who, when) and answers CONFLICT to a save over a newer one, changing nothing', async () => {
    const { app, meeting, save } = await aMeetingUnderWay()
    await save(DEMO.secretary, { decisions: undefined })
    app.clock.set('2026-05-20T17:00:00+08:00')
    expect(await save(DEMO.committee, { version: 1, summary: '补充：会上还讨论了党费收缴。' })).toMatchObject({ ok: true, data: { minutes: { version: 2 } } })
    expect(await save(DEMO.secretary, { version: 1, summary: '旧的内容' })).toMatchObject(failure('CONFLICT', '已被他人修改'))
    const got = await app.as(DEMO.secretary).ok('minutes.get', { meetingId: meeting.id })
    expect(got.minutes).toMatchObject({ summary: '补充：会上还讨论了党费收缴。', version: 2, updatedByName: '李明' })
    expect(got.history).toEqual([
      { version: 2, by: DEMO.committee, byName: '李明', at: '2026-05-20T17:00:00+08:00' },
      { version: 1, by: DEMO.secretary, byName: '王建华', at: DURING },
    ])
    expect((await app.storage.get('minutesHistory', `${meeting.id}:1`))?.fields).toMatchObject({ summary: minutes.summary, decisions: '' })
  })

  it('lets the group’s own leader write a 党小组会’s minutes, not another group’s, nor a member', async () => {
    const group1 = await aMeetingUnderWay('group', { kind: 'group', groupId: DEMO.group1 })
    expect(await group1.save(DEMO.leader1)).toMatchObject({ ok: true })
    const group2 = await aMeetingUnderWay('group', { kind: 'group', groupId: DEMO.group2 })
    expect(await group2.save(DEMO.leader1)).toMatchObject(failure('FORBIDDEN'))
    expect(await group2.save(DEMO.member(11))).toMatchObject(failure('FORBIDDEN'))
  })

  it.each([
    [{ topics: [] }, 'topics', '至少写一个议题'],
    [{ host: '' }, 'host', '主持人不能为空'],
    [{ photos: Array.from({ length: 10 }, (_, i) => `cloud://env.1/zhibu/${i}.jpg`) }, 'photos', '不能超过 9 张'],
    [{ photos: ['https://example.com/a.jpg'] }, 'photos.0', '文件编号'],
  ])('refuses %j naming %s', async (extra, field, detail) => {
    const { app, save } = await aMeetingUnderWay()
    expect(await save(DEMO.secretary, extra)).toMatchObject(failure('INVALID_INPUT', `${field}：`))
    expect(await save(DEMO.secretary, extra)).toMatchObject(failure('INVALID_INPUT', detail))
    expect(await app.storage.find('minutes', {})).toEqual([])
  })
})

describe('minutes.get attendance', () => {
  it('is what attendance.get answers, with 缺席及原因 from the leave records', async () => {
    const { app, meeting, save } = await aMeetingUnderWay()
    await save(DEMO.secretary)
    app.clock.set('2026-05-20T16:00:00+08:00')
    await app.as(DEMO.secretary).ok('checkin.manual', { meetingId: meeting.id, memberId: DEMO.member(3), reason: '手机没电，现场补签' })
    app.clock.set('2026-05-20T17:00:00+08:00')
    const [got, attendance] = await Promise.all([
      app.as(DEMO.secretary).ok('minutes.get', { meetingId: meeting.id }),
      app.as(DEMO.secretary).ok('attendance.get', { meetingId: meeting.id }),
    ])
    const { expected, present, late, leave, absent, makeup } = attendance
    expect(got.attendance).toMatchObject({ expected, present, late, leave, absent, makeup })
    expect({ expected, present, leave, makeup }).toEqual({ expected: 23, present: 1, leave: 1, makeup: 1 })
    const notThere = attendance.members.filter((m) => m.status === 'leave' || m.status === 'absent')
    expect(got.attendance.absentees.map((a) => a.name)).toEqual(notThere.map((m) => m.name))
    expect(got.attendance.absentees.find((a) => a.status === 'leave')).toEqual({ name: notThere.find((m) => m.memberId === DEMO.member(2))!.name, status: 'leave', reason: '出差在外地' })
    expect(got.attendance.absentees.filter((a) => a.status === 'absent')).toHaveLength(20)
  })

  it('says for a 支部党员大会 whether more than half of the 正式党员 were present', async () => {
    const { app, meeting } = await aMeetingUnderWay()
    const quorum = async () => (await app.as(DEMO.secretary).ok('minutes.get', { meetingId: meeting.id })).quorum
    // 21 正式党员 of 23 (19 and 20 are 预备党员); 01 is there.
    expect(await quorum()).toEqual({ fullExpected: 21, fullPresent: 1, met: false })
    const { token } = await app.as(DEMO.secretary).ok('checkin.code', { meetingId: meeting.id })
    for (const n of [5, 6, 7, 8, 9, 10, 11, 12, 13, 19, 20]) await app.as(DEMO.member(n)).ok('checkin.submit', { token })
    expect(await quorum()).toEqual({ fullExpected: 21, fullPresent: 10, met: false })
    await app.as(DEMO.member(14)).ok('checkin.submit', { token })
    expect(await quorum()).toEqual({ fullExpected: 21, fullPresent: 11, met: true })
  })

  it('has no quorum line for other meetings', async () => {
    const { app, meeting } = await aMeetingUnderWay('lecture')
    expect((await app.as(DEMO.secretary).ok('minutes.get', { meetingId: meeting.id })).quorum).toBeNull()
  })
})

describe('minutes.read', () => {
  it('gives an invited member the text and the counts, without anyone’s name or leave reason', async () => {
    const { app, meeting, save } = await aMeetingUnderWay()
    expect(await app.as(DEMO.member(5)).ok('minutes.read', { meetingId: meeting.id })).toMatchObject({ minutes: null })
    await save(DEMO.secretary)
    const read = await app.as(DEMO.member(5)).ok('minutes.read', { meetingId: meeting.id })
    expect(read).toEqual({
      minutes: { ...minutes, updatedAt: DURING },
      attendance: { expected: 23, present: 1, late: 0, leave: 1, absent: 21, makeup: 0 },
      quorum: { fullExpected: 21, fullPresent: 1, met: false },
    })
    expect(JSON.stringify(read)).not.toMatch(/出差在外地|家里有事/)
  })

  it('is not for a member outside the meeting’s scope', async () => {
    const { app, save } = await aMeetingUnderWay('group', { kind: 'group', groupId: DEMO.group1 })
    await save(DEMO.secretary)
    const meeting = (await app.storage.find('minutes', {}))[0]
    expect(await app.as(DEMO.member(11)).call('minutes.read', { meetingId: meeting.meetingId })).toMatchObject(failure('NOT_FOUND'))
    expect(await app.as(DEMO.member(3)).call('minutes.read', { meetingId: meeting.meetingId })).toMatchObject({ ok: true })
  })
})

describe('photo.upload', () => {
  it('stores a photo that the minutes then show by a link', async () => {
    const { app, meeting, save } = await aMeetingUnderWay()
    const { fileId, url } = await app.as(DEMO.secretary).ok('photo.upload', { contentBase64: JPEG.toString('base64'), contentType: 'image/jpeg' })
    expect(url).toContain(`/files/${fileId}?`)
    expect(await save(DEMO.secretary, { photos: [fileId] })).toMatchObject({ ok: true })
    const got = await app.as(DEMO.secretary).ok('minutes.get', { meetingId: meeting.id })
    expect(got.minutes?.photos).toEqual([fileId])
    expect(got.photoUrls).toEqual([expect.stringContaining(`/files/${fileId}?exp=`)])
  })

  it.each([
    ['a photo over 300 KB', Buffer.concat([JPEG, Buffer.alloc(300 * 1024)]), 'image/jpeg', '300 KB'],
    ['bytes that are not the image type claimed', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png', '不是所说的图片格式'],
  ])('refuses %s and stores nothing', async (_name, bytes, contentType, detail) => {
    const { app } = await aMeetingUnderWay()
    expect(await app.as(DEMO.secretary).call('photo.upload', { contentBase64: bytes.toString('base64'), contentType: contentType as 'image/png' })).toMatchObject(failure('INVALID_INPUT', detail))
    expect(await app.storage.find('uploads', {})).toEqual([])
  })
})
