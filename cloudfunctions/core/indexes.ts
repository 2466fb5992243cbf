/**
 * The indexes each collection needs. The local adapter creates them on start; on CloudBase
 * they must be created in the console (no API creates them), as the README lists.
 */
import type { CollectionName } from './ports'

export interface IndexSpec {
  fields: string[]
  unique: boolean
  /** Unique only among documents that have the field (NeDB's sparse, CloudBase's default for missing keys). */
  sparse?: boolean
}

export const INDEXES: Record<CollectionName, IndexSpec[]> = {
  branches: [],
  groups: [{ fields: ['branchId'], unique: false }],
  members: [
    { fields: ['openid'], unique: true, sparse: true },
    { fields: ['branchId'], unique: false },
  ],
  ledger: [
    // One award per source and member, whatever retries happen.
    { fields: ['memberId', 'sourceId'], unique: true },
    { fields: ['branchId', 'year'], unique: false },
  ],
  meetings: [
    { fields: ['branchId', 'startAt'], unique: false },
    // A 小程序码 scan names its meeting by this key (issue 11).
    { fields: ['checkinKey'], unique: false, sparse: true },
    { fields: ['branchId', 'posterKey'], unique: false, sparse: true },
  ],
  // One record per member and meeting is the document id (`${meetingId}:${memberId}`); these serve queries.
  attendance: [
    { fields: ['meetingId'], unique: false },
    { fields: ['memberId'], unique: false },
    // The 党委 overview counts a year's records of its branches in one aggregate.
    { fields: ['branchId', 'checkedInAt'], unique: false },
    // The remind timer's sweep for check-ins whose award a crash left undone.
    { fields: ['checkedInAt'], unique: false },
  ],
  leaves: [
    { fields: ['meetingId'], unique: false },
    { fields: ['memberId'], unique: false },
  ],
  // Ids carry the uniqueness (`${memberId}:${kind}`, the send claim key, `${memberId}:${month}`).
  credits: [{ fields: ['branchId'], unique: false }],
  sends: [{ fields: ['branchId', 'eventKey', 'moment'], unique: false }],
  notices: [{ fields: ['branchId', 'createdAt'], unique: false }],
  payments: [
    { fields: ['branchId', 'month'], unique: false },
    { fields: ['memberId'], unique: false },
  ],
  jobs: [],
  studies: [
    { fields: ['memberId', 'studiedOn'], unique: false },
    { fields: ['branchId', 'state'], unique: false },
  ],
  xuexi: [{ fields: ['memberId', 'week'], unique: false }],
  questions: [{ fields: ['branchId', 'createdAt'], unique: false }],
  quizzes: [{ fields: ['branchId', 'closesAt'], unique: false }],
  // One attempt per member and quiz is the id `${quizId}:${memberId}`.
  attempts: [
    { fields: ['quizId'], unique: false },
    { fields: ['memberId'], unique: false },
  ],
  makeups: [
    { fields: ['meetingId'], unique: false },
    { fields: ['memberId'], unique: false },
  ],
  // The id is the OPENID: one binding per WeChat user, whatever approvals race.
  bindings: [{ fields: ['memberId'], unique: false }],
  invites: [{ fields: ['branchId'], unique: false }],
  joins: [{ fields: ['branchId', 'state'], unique: false }],
  memberAudit: [{ fields: ['memberId', 'at'], unique: false }],
  meetingAudit: [{ fields: ['meetingId', 'at'], unique: false }],
  throttles: [],
  // The remind timer reads the notices still being sent, across branches, by pushUntil.
  announcements: [
    { fields: ['branchId', 'createdAt'], unique: false },
    { fields: ['pushUntil'], unique: false },
  ],
  // One receipt per notice and member is the id `${announcementId}:${memberId}`.
  receipts: [
    { fields: ['memberId', 'createdAt'], unique: false },
    { fields: ['announcementId'], unique: false },
  ],
  // One duty per branch and month is the id `${branchId}:${month}`.
  duties: [{ fields: ['branchId', 'month'], unique: false }],
  // A branch secretary attaches by the org's code (72 random bits: no unique index needed).
  orgs: [{ fields: ['code'], unique: false }],
  // The id is the OPENID: one org per overseer.
  orgOverseers: [{ fields: ['orgId'], unique: false }],
  // The id is the branchId: one org per branch.
  orgLinks: [{ fields: ['orgId', 'active'], unique: false }],
  // The id is the meeting's: one set of minutes per meeting.
  minutes: [{ fields: ['branchId'], unique: false }],
  // The id is `${meetingId}:${version}`: one entry per save.
  minutesHistory: [{ fields: ['meetingId', 'version'], unique: false }],
  // The id is `${meetingId}:${memberId}`: one clearance per 补学.
  makeupClearances: [
    { fields: ['branchId'], unique: false },
    { fields: ['meetingId'], unique: false },
  ],
  uploads: [{ fields: ['memberId', 'at'], unique: false }],
  // The id is `${page}?${scene}`: one image per code.
  posters: [],
}
