/**
 * The demo branch of CONTRACT §4: 示例党支部 with two 党小组, a secretary, a committee member,
 * a group leader and twenty members, each with a 核定 dues amount.
 */
import type { Attendance, Branch, Group, Meeting, Member, Role } from '../../types/models'
import { DEFAULT_MEETING_POINTS, meetingStudyTenths } from '../../src/domain/meetings'
import { monthlyDues, type DuesInput } from './domain/dues'
import { DEFAULT_SCHEDULE, monthSchedule } from './domain/schedule'
import { DEFAULT_STUDY_SETTINGS } from './domain/points'
import { addDays, calendarDay, shanghaiDate, shanghaiMonth, toShanghaiIso } from '../../src/domain/time'
import type { Collections, Ports } from './ports'
import { attendanceId, leaveId, paymentId } from './records/ids'
import { attendanceAward, award } from './records/ledger'
import { insertOnce } from './records/record-once'

export const DEMO_BRANCH_ID = 'demo-branch'

const MEMBER_NAMES = [
  '陈志强', '刘秀英', '杨伟', '黄丽娟', '周建国', '吴敏', '徐海燕', '孙立新', '马玉兰', '朱文斌',
  '胡桂芳', '郭振华', '何静', '高明亮', '林淑珍', '罗国庆', '郑晓东', '梁红梅', '谢德胜', '宋雅琴',
]

/** A spread of dues situations, so that the register shows every kind of member. */
const DUES: DuesInput[] = [
  { category: 'employed', base: 850000 },
  { category: 'retired', base: 420000 },
  { category: 'employed', base: 300000 },
  { category: 'employed', base: 1250000 },
  { category: 'retired', base: 650000 },
  { category: 'employed', base: 480000 },
  { category: 'student' },
  { category: 'employed', base: 620000 },
  { category: 'subsistence' },
  { category: 'employed', base: 300001 },
]

export interface DemoUser {
  openid: string
  name: string
  roles: Role[]
  groupName: string | null
}

export function demoMembers(): Member[] {
  const dues = (i: number) => {
    const input = DUES[i % DUES.length]
    const r = monthlyDues(input)
    if (!r.ok) throw new Error('bad demo dues')
    return { category: input.category, base: input.base, amount: r.amount }
  }
  const person = (id: string, name: string, roles: Role[], groupId: string, i: number): Member => ({
    id,
    branchId: DEMO_BRANCH_ID,
    openid: id,
    name,
    roles,
    groupId,
    standing: 'full',
    active: true,
    dues: dues(i),
  })
  const members: Member[] = [
    person('demo-secretary', '王建华', ['secretary', 'member'], 'demo-group-1', 0),
    person('demo-committee', '李明', ['committee', 'member'], 'demo-group-2', 5),
    person('demo-leader-1', '赵丽', ['group_leader', 'member'], 'demo-group-1', 7),
  ]
  MEMBER_NAMES.forEach((name, i) => {
    const id = `demo-member-${String(i + 1).padStart(2, '0')}`
    const m = person(id, name, ['member'], i < 10 ? 'demo-group-1' : 'demo-group-2', i)
    if (i === 19 || i === 18) m.standing = 'probationary'
    members.push(m)
  })
  return members
}

type Insert = <C extends 'meetings' | 'attendance' | 'leaves'>(collection: C, doc: Collections[C]) => Promise<boolean>

/** Who missed the demo's past 支部党员大会: one on approved leave, two absent (they owe a 补学). */
const DEMO_ON_LEAVE = 'demo-member-12'
const DEMO_ABSENT = ['demo-member-07', 'demo-member-15']

/**
 * A 支部党员大会 ten days before the seed, with its attendance, so that the attendance pages,
 * 我的, the ledger and the 补学 list have something to show on first start.
 */
async function seedPastAssembly(ports: Pick<Ports, 'storage' | 'clock'>, members: Member[], now: Date, insert: Insert) {
  const day = shanghaiDate(now.getTime() - 10 * 86400_000)
  const meeting: Meeting = {
    id: 'demo-assembly',
    branchId: DEMO_BRANCH_ID,
    type: 'branch_assembly',
    title: '支部党员大会：学习党章、讨论季度工作',
    startAt: `${day}T14:30:00+08:00`,
    endAt: `${day}T16:30:00+08:00`,
    location: '社区党群服务中心二楼会议室',
    agenda: '一、集中学习《中国共产党章程》总纲；二、通报本季度党费收缴情况；三、讨论下季度主题党日安排。',
    scope: { kind: 'branch' },
    status: 'scheduled',
    cancelReason: null,
    themeMonth: null,
    createdBy: 'demo-secretary',
    createdAt: `${addDays(day, -7)}T09:00:00+08:00`,
    updatedAt: `${addDays(day, -7)}T09:00:00+08:00`,
  }
  await insert('meetings', meeting)
  await insert('leaves', {
    id: leaveId(meeting.id, DEMO_ON_LEAVE),
    branchId: DEMO_BRANCH_ID,
    meetingId: meeting.id,
    memberId: DEMO_ON_LEAVE,
    reason: '出差在外地',
    state: 'approved',
    requestedAt: `${addDays(day, -2)}T10:00:00+08:00`,
    reviewedBy: 'demo-secretary',
    reviewedAt: `${addDays(day, -2)}T12:00:00+08:00`,
  })
  const earns = { meetingType: meeting.type, points: DEFAULT_MEETING_POINTS[meeting.type], studyTenths: meetingStudyTenths(meeting) }
  let minute = 0
  for (const m of members) {
    if (m.id === DEMO_ON_LEAVE || DEMO_ABSENT.includes(m.id)) continue
    minute += 1
    // Most arrive in the half hour before the start; the last two a little late.
    const at = minute <= members.length - 5 ? `${day}T14:${String(Math.min(29, minute)).padStart(2, '0')}:00+08:00` : `${day}T14:3${minute % 10}:00+08:00`
    const record: Attendance = {
      id: attendanceId(meeting.id, m.id),
      branchId: DEMO_BRANCH_ID,
      meetingId: meeting.id,
      memberId: m.id,
      status: at > meeting.startAt ? 'late' : 'present',
      checkedInAt: at,
      by: m.id,
      reason: null,
    }
    await insert('attendance', record)
    await award(ports.storage, attendanceAward(record, earns))
  }
}

/** Months of dues history the demo starts with. */
const DEMO_DUES_HISTORY = 5
/** Members behind with their dues: months unpaid before this one. */
const DEMO_UNPAID_MONTHS: Record<string, number> = { 'demo-member-07': 3, 'demo-member-15': 4, 'demo-member-20': 1 }

const monthsAgo = (month: string, n: number) => calendarDay(`${month}-01`).subtract(n, 'month').format('YYYY-MM')

/** Seeds the demo branch into an empty store; answers whether it did. */
export async function seedDemoBranch(
  ports: Pick<Ports, 'storage' | 'clock'>,
  opts: { pastMeeting?: boolean } = {},
): Promise<boolean> {
  if ((await ports.storage.count('branches', {})) > 0) return false
  const now = ports.clock.now()
  const thisMonth = shanghaiMonth(now)
  const pastMonths = Array.from({ length: DEMO_DUES_HISTORY }, (_, i) => monthsAgo(thisMonth, DEMO_DUES_HISTORY - i))
  const branch: Branch = {
    id: DEMO_BRANCH_ID,
    branchId: DEMO_BRANCH_ID,
    name: '示例党支部',
    schedule: DEFAULT_SCHEDULE,
    settings: { ...DEFAULT_STUDY_SETTINGS, duesSince: pastMonths[0] },
    createdAt: toShanghaiIso(now),
  }
  const groups: Group[] = [
    { id: 'demo-group-1', branchId: DEMO_BRANCH_ID, name: '第一党小组', leaderId: 'demo-leader-1' },
    { id: 'demo-group-2', branchId: DEMO_BRANCH_ID, name: '第二党小组', leaderId: null },
  ]
  // A first start that died part-way left some of these behind; keep them and add the rest.
  const insertIfAbsent = <C extends 'groups' | 'members' | 'payments' | 'meetings' | 'attendance' | 'leaves'>(collection: C, doc: Collections[C]) =>
    insertOnce(ports.storage, collection, doc)
  for (const g of groups) await insertIfAbsent('groups', g)
  const members = demoMembers()
  for (const m of members) await insertIfAbsent('members', m)
  // The last few months' 登记表: most paid on their dues day; a few members drifting behind.
  for (const m of members) {
    const unpaid = DEMO_UNPAID_MONTHS[m.id] ?? 0
    for (const month of pastMonths.slice(0, pastMonths.length - unpaid)) {
      await insertIfAbsent('payments', {
        id: paymentId(m.id, month),
        branchId: DEMO_BRANCH_ID,
        memberId: m.id,
        month,
        amount: m.dues?.amount ?? 0,
        paidOn: monthSchedule(month, DEFAULT_SCHEDULE).duesDay.date,
        state: 'confirmed',
        reportedBy: m.id,
        confirmedBy: 'demo-secretary',
        updatedAt: toShanghaiIso(now),
      })
    }
  }
  if (opts.pastMeeting) await seedPastAssembly(ports, members, now, insertIfAbsent)
  // The branch goes in last: its presence is what marks the seed as complete.
  await ports.storage.insert('branches', branch)
  return true
}
