/**
 * The demo branch of CONTRACT §4: 示例党支部 with two 党小组, a secretary, a committee member,
 * a group leader and twenty members, each with a 核定 dues amount. With `org` (what npm start
 * shows), also CONTRACT §7's 示例机关党委 over it and a second branch, 第二党支部.
 */
import type { Attendance, Branch, Group, Meeting, Member, Org, OrgLink, OrgOverseer, Role } from '../../types/models'
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

function demoDues(i: number): Member['dues'] {
  const input = DUES[i % DUES.length]
  const r = monthlyDues(input)
  if (!r.ok) throw new Error('bad demo dues')
  return { category: input.category, base: input.base, amount: r.amount }
}

/** A demo person bound to the WeChat user of the same id. */
const demoPerson = (branchId: string) => (id: string, name: string, roles: Role[], groupId: string, i: number): Member => ({
  id,
  branchId,
  openid: id,
  name,
  roles,
  groupId,
  standing: 'full',
  active: true,
  dues: demoDues(i),
})

export function demoMembers(): Member[] {
  const person = demoPerson(DEMO_BRANCH_ID)
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

/** A past 支部党员大会 of a demo branch, and who missed it: on approved leave, or absent (they owe a 补学). */
interface PastAssembly {
  branchId: string
  meetingId: string
  secretaryId: string
  title: string
  location: string
  agenda: string
  onLeave: string
  absent: string[]
}

const DEMO_ASSEMBLY: PastAssembly = {
  branchId: DEMO_BRANCH_ID,
  meetingId: 'demo-assembly',
  secretaryId: 'demo-secretary',
  title: '支部党员大会：学习党章、讨论季度工作',
  location: '社区党群服务中心二楼会议室',
  agenda: '一、集中学习《中国共产党章程》总纲；二、通报本季度党费收缴情况；三、讨论下季度主题党日安排。',
  onLeave: 'demo-member-12',
  absent: ['demo-member-07', 'demo-member-15'],
}

/**
 * A 支部党员大会 ten days before the seed, with its attendance, so that the attendance pages,
 * 我的, the ledger and the 补学 list have something to show on first start.
 */
async function seedPastAssembly(ports: Pick<Ports, 'storage' | 'clock'>, spec: PastAssembly, members: Member[], now: Date, insert: Insert) {
  const day = shanghaiDate(now.getTime() - 10 * 86400_000)
  const meeting: Meeting = {
    id: spec.meetingId,
    branchId: spec.branchId,
    type: 'branch_assembly',
    title: spec.title,
    startAt: `${day}T14:30:00+08:00`,
    endAt: `${day}T16:30:00+08:00`,
    location: spec.location,
    agenda: spec.agenda,
    scope: { kind: 'branch' },
    status: 'scheduled',
    cancelReason: null,
    themeMonth: null,
    createdBy: spec.secretaryId,
    createdAt: `${addDays(day, -7)}T09:00:00+08:00`,
    updatedAt: `${addDays(day, -7)}T09:00:00+08:00`,
  }
  await insert('meetings', meeting)
  await insert('leaves', {
    id: leaveId(meeting.id, spec.onLeave),
    branchId: spec.branchId,
    meetingId: meeting.id,
    memberId: spec.onLeave,
    reason: '出差在外地',
    state: 'approved',
    requestedAt: `${addDays(day, -2)}T10:00:00+08:00`,
    reviewedBy: spec.secretaryId,
    reviewedAt: `${addDays(day, -2)}T12:00:00+08:00`,
  })
  const earns = { meetingType: meeting.type, points: DEFAULT_MEETING_POINTS[meeting.type], studyTenths: meetingStudyTenths(meeting) }
  let minute = 0
  for (const m of members) {
    if (m.id === spec.onLeave || spec.absent.includes(m.id)) continue
    minute += 1
    // Most arrive in the half hour before the start; the last two a little late.
    const at = minute <= members.length - 5 ? `${day}T14:${String(Math.min(29, minute)).padStart(2, '0')}:00+08:00` : `${day}T14:3${minute % 10}:00+08:00`
    const record: Attendance = {
      id: attendanceId(meeting.id, m.id),
      branchId: spec.branchId,
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
const DEMO_UNPAID_MONTHS: Record<string, number> = { 'demo-member-07': 3, 'demo-member-15': 4, 'demo-member-20': 1, 'demo-b2-member-05': 2 }

const monthsAgo = (month: string, n: number) => calendarDay(`${month}-01`).subtract(n, 'month').format('YYYY-MM')

type InsertIfAbsent = <C extends 'groups' | 'members' | 'payments' | 'meetings' | 'attendance' | 'leaves'>(collection: C, doc: Collections[C]) => Promise<boolean>

/** The last few months' 登记表: most paid on their dues day; a few members drifting behind. */
async function seedPayments(members: Member[], pastMonths: string[], confirmedBy: string, now: Date, insert: InsertIfAbsent) {
  for (const m of members) {
    const unpaid = DEMO_UNPAID_MONTHS[m.id] ?? 0
    for (const month of pastMonths.slice(0, pastMonths.length - unpaid)) {
      await insert('payments', {
        id: paymentId(m.id, month),
        branchId: m.branchId,
        memberId: m.id,
        month,
        amount: m.dues?.amount ?? 0,
        paidOn: monthSchedule(month, DEFAULT_SCHEDULE).duesDay.date,
        state: 'confirmed',
        reportedBy: m.id,
        confirmedBy,
        updatedAt: toShanghaiIso(now),
      })
    }
  }
}

export const DEMO_BRANCH_2_ID = 'demo-branch-2'
export const DEMO_ORG_ID = 'demo-org'

const BRANCH_2_NAMES = ['孙丽华', '钱国栋', '冯秀兰', '褚志明', '卫晓燕', '蒋德华', '沈玉梅', '韩立军']

/** 第二党支部: its secretary demo-secretary-2 (周海涛) and eight members in one 党小组. */
export function secondBranchMembers(): Member[] {
  const person = demoPerson(DEMO_BRANCH_2_ID)
  return [
    person('demo-secretary-2', '周海涛', ['secretary', 'member'], 'demo-b2-group-1', 3),
    ...BRANCH_2_NAMES.map((name, i) => person(`demo-b2-member-${String(i + 1).padStart(2, '0')}`, name, ['member'], 'demo-b2-group-1', i + 1)),
  ]
}

const DEMO_ASSEMBLY_2: PastAssembly = {
  branchId: DEMO_BRANCH_2_ID,
  meetingId: 'demo-b2-assembly',
  secretaryId: 'demo-secretary-2',
  title: '支部党员大会：学习党纪处分条例',
  location: '机关办公楼三楼党员活动室',
  agenda: '一、学习《中国共产党纪律处分条例》；二、通报党费收缴情况。',
  onLeave: 'demo-b2-member-03',
  absent: ['demo-b2-member-06', 'demo-b2-member-07', 'demo-b2-member-08'],
}

/**
 * CONTRACT §7's demo: 第二党支部 with its roll, dues history and a past assembly, and 示例机关党委
 * over both demo branches with `demo-org` as its party_committee. Each record is inserted only if
 * absent, so an interrupted first start finishes here too.
 */
export async function seedDemoOrg(ports: Pick<Ports, 'storage' | 'clock'>, opts: { pastMeeting?: boolean } = {}) {
  const now = ports.clock.now()
  const at = toShanghaiIso(now)
  const pastMonths = Array.from({ length: DEMO_DUES_HISTORY }, (_, i) => monthsAgo(shanghaiMonth(now), DEMO_DUES_HISTORY - i))
  const insert: InsertIfAbsent = (collection, doc) => insertOnce(ports.storage, collection, doc)
  await insert('groups', { id: 'demo-b2-group-1', branchId: DEMO_BRANCH_2_ID, name: '第一党小组', leaderId: null })
  const members = secondBranchMembers()
  for (const m of members) await insert('members', m)
  await seedPayments(members, pastMonths, 'demo-secretary-2', now, insert)
  if (opts.pastMeeting) await seedPastAssembly(ports, DEMO_ASSEMBLY_2, members, now, insert)
  await insertOnce(ports.storage, 'branches', {
    id: DEMO_BRANCH_2_ID,
    branchId: DEMO_BRANCH_2_ID,
    name: '第二党支部',
    schedule: DEFAULT_SCHEDULE,
    settings: { ...DEFAULT_STUDY_SETTINGS, duesSince: pastMonths[0] },
    createdAt: at,
  } satisfies Branch)
  await insertOnce(ports.storage, 'orgs', { id: DEMO_ORG_ID, branchId: '-', name: '示例机关党委', code: 'demo-org-code', createdAt: at, createdBy: 'demo-org' } satisfies Org)
  await insertOnce(ports.storage, 'orgOverseers', { id: 'demo-org', branchId: '-', orgId: DEMO_ORG_ID, name: '吴卫东', since: at } satisfies OrgOverseer)
  for (const branchId of [DEMO_BRANCH_ID, DEMO_BRANCH_2_ID]) {
    await insertOnce(ports.storage, 'orgLinks', { id: branchId, branchId, orgId: DEMO_ORG_ID, active: true, attachedAt: at, attachedBy: branchId === DEMO_BRANCH_ID ? 'demo-secretary' : 'demo-secretary-2' } satisfies OrgLink)
  }
}

/** Seeds the demo branch into an empty store (with `org`, CONTRACT §7's 党委 and second branch too); answers whether it did. */
export async function seedDemoBranch(
  ports: Pick<Ports, 'storage' | 'clock'>,
  opts: { pastMeeting?: boolean; org?: boolean } = {},
): Promise<boolean> {
  // 第二党支部 is written before the first branch: finding only it means a first start died part-way.
  if ((await ports.storage.count('branches', { id: { $ne: DEMO_BRANCH_2_ID } })) > 0) return false
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
  const insertIfAbsent: InsertIfAbsent = (collection, doc) => insertOnce(ports.storage, collection, doc)
  for (const g of groups) await insertIfAbsent('groups', g)
  const members = demoMembers()
  for (const m of members) await insertIfAbsent('members', m)
  await seedPayments(members, pastMonths, 'demo-secretary', now, insertIfAbsent)
  if (opts.pastMeeting) await seedPastAssembly(ports, DEMO_ASSEMBLY, members, now, insertIfAbsent)
  if (opts.org) await seedDemoOrg(ports, opts)
  // The branch goes in last: its presence is what marks the seed as complete.
  await ports.storage.insert('branches', branch)
  return true
}
