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
  meetings: [{ fields: ['branchId', 'startAt'], unique: false }],
  // One record per member and meeting is the document id (`${meetingId}:${memberId}`); these serve queries.
  attendance: [
    { fields: ['meetingId'], unique: false },
    { fields: ['memberId'], unique: false },
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
}
