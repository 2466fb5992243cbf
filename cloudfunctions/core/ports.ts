/**
 * The ports every use case is written against. CloudBase and local mode are adapters behind them.
 */
import type {
  Attendance,
  Branch,
  Credit,
  Group,
  Job,
  LedgerEntry,
  Leave,
  Meeting,
  Member,
  Notice,
  Payment,
  Send,
  MakeupStudy,
  Question,
  Quiz,
  QuizAttempt,
  Study,
  XuexiReport,
  Binding,
  Invite,
  JoinRequest,
  MemberAudit,
  MeetingAudit,
  Throttle,
  Announcement,
  AnnouncementReceipt,
  Duty,
  Org,
  OrgOverseer,
  OrgLink,
  Minutes,
  MinutesHistory,
  MakeupClearance,
  Upload,
  Poster,
} from '../../types/models'

/** Collection name → the plain object stored in it. Every document carries its branchId. */
export interface Collections {
  branches: Branch
  groups: Group
  members: Member
  ledger: LedgerEntry
  meetings: Meeting
  attendance: Attendance
  leaves: Leave
  credits: Credit
  sends: Send
  notices: Notice
  payments: Payment
  jobs: Job
  studies: Study
  xuexi: XuexiReport
  questions: Question
  quizzes: Quiz
  attempts: QuizAttempt
  makeups: MakeupStudy
  bindings: Binding
  invites: Invite
  joins: JoinRequest
  memberAudit: MemberAudit
  meetingAudit: MeetingAudit
  throttles: Throttle
  announcements: Announcement
  receipts: AnnouncementReceipt
  duties: Duty
  orgs: Org
  orgOverseers: OrgOverseer
  orgLinks: OrgLink
  minutes: Minutes
  minutesHistory: MinutesHistory
  makeupClearances: MakeupClearance
  uploads: Upload
  posters: Poster
}
export type CollectionName = keyof Collections

type Scalar = string | number | boolean | null

/** A comparison on one field; maps one-to-one onto CloudBase's db.command and NeDB's operators. */
export interface FieldCondition {
  $in?: Scalar[]
  $nin?: Scalar[]
  $ne?: Scalar
  $gt?: string | number
  $gte?: string | number
  $lt?: string | number
  $lte?: string | number
  /** Whether the field is there at all (an unbound member has no openid). */
  $exists?: boolean
}

export type Filter<T> = { [K in keyof T]?: T[K] | FieldCondition } & { [field: string]: unknown }

export interface FindOptions<T> {
  orderBy?: Array<[keyof T & string, 'asc' | 'desc']>
  skip?: number
  /** At most this many documents; adapters page underneath (CloudBase returns 100 a request). */
  limit?: number
}

/**
 * What updateWhere does to a document: `set` replaces fields, `inc` adds to numeric ones, `unset`
 * removes optional fields (a missing field, not a null: sparse indexes skip only missing ones).
 */
export interface Change<T> {
  set?: Partial<Omit<T, 'id' | 'branchId'>>
  inc?: Partial<Record<keyof T, number>>
  unset?: Array<Exclude<keyof T, 'id' | 'branchId'> & string>
}

/** One group of a tally: the grouping fields' values, how many documents, and the sum of one field. */
export interface Tally {
  key: Record<string, Scalar>
  count: number
  sum: number
}

export interface Storage {
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null>
  find<C extends CollectionName>(
    collection: C,
    filter: Filter<Collections[C]>,
    options?: FindOptions<Collections[C]>,
  ): Promise<Array<Collections[C]>>
  count<C extends CollectionName>(collection: C, filter: Filter<Collections[C]>): Promise<number>
  /**
   * Counts the documents matching `filter` grouped by the `by` fields, and sums one numeric field
   * (0 where it is missing): one request however many documents, for figures over a whole year.
   * A field missing from a document groups as null.
   */
  tally<C extends CollectionName>(
    collection: C,
    filter: Filter<Collections[C]>,
    by: Array<keyof Collections[C] & string>,
    sum?: keyof Collections[C] & string,
  ): Promise<Tally[]>
  /** Inserts a new document; throws DuplicateKeyError when its id or a unique key already exists. */
  insert<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void>
  /** Sets the given fields of one document; answers whether the document existed. */
  update<C extends CollectionName>(
    collection: C,
    id: string,
    patch: Partial<Omit<Collections[C], 'id' | 'branchId'>>,
  ): Promise<boolean>
  /**
   * Atomically changes one document if it still matches `expect` (compare-and-set): `set`
   * replaces fields, `inc` adds to numbers. Answers whether it changed the document; a change
   * that leaves it as it was may answer false on CloudBase, so use it for real changes only.
   */
  updateWhere<C extends CollectionName>(
    collection: C,
    id: string,
    expect: Filter<Collections[C]>,
    change: Change<Collections[C]>,
  ): Promise<boolean>
  remove<C extends CollectionName>(collection: C, id: string): Promise<boolean>
  /** Database requests made so far (one per page for paged reads); benchmarks read it. */
  readonly roundTrips: number
}

export interface Clock {
  now(): Date
}

/**
 * `signing` signs check-in tokens; `session` signs local-mode session tokens; `setup` is the
 * deployment's setup code that creates a branch (CONTRACT §5), empty when none is set.
 */
export type SecretName = 'signing' | 'session' | 'setup'

export interface Secrets {
  get(name: SecretName): Promise<string>
}

export type MessageKind = 'meeting_reminder' | 'dues_reminder'

export interface OutgoingMessage {
  openid: string
  kind: MessageKind
  /** Template field name → value, already fitted to the field's type. */
  data: Record<string, string>
  /** The mini-program page the message opens. */
  page: string
}

export type SendResult = { ok: true } | { ok: false; errCode: number; errMsg: string }

export interface MessageSender {
  send(message: OutgoingMessage): Promise<SendResult>
}

/** The caller as the platform vouches for them; never read from a payload. */
export interface Caller {
  openid: string
}

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

/**
 * Where the app can be opened, for links a person scans or taps (the invite QR): the H5 app's
 * address locally, a branch's 普通链接二维码 domain in WeChat when it has one (ZHIBU_APP_URL).
 * Empty: links are mini-program page paths.
 */
export interface Links {
  appUrl: string
}

/** A stored file as `Files.get` answers it. */
export interface StoredFile {
  bytes: Uint8Array
  contentType: string
  name: string
}

/** A link that opens a stored file without a session, until `expiresAt` (ISO with offset). */
export interface FileLink {
  url: string
  expiresAt: string
}

/**
 * Files kept for the record (minutes' photos, exports): the data directory locally, cloud storage
 * in CloudBase. A file id is what a document stores; links are made when someone opens the file.
 */
export interface Files {
  /** Stores the bytes; `name` is what a download is called (it may be Chinese). */
  put(bytes: Uint8Array, contentType: string, name: string): Promise<string>
  /** An absolute, unguessable link to the file that stops working after `ttlSec` seconds. */
  url(fileId: string, ttlSec: number): Promise<FileLink>
  /** The file's bytes (to embed a photo in a document), or null when there is no such file. */
  get(fileId: string): Promise<StoredFile | null>
}

/** Everything a use case may touch. */
/** WeChat's 小程序码 (wxacode.getUnlimited): only in CloudBase, where the mini-program is. */
export interface MiniCodes {
  /** A PNG that opens `page` with `scene` from WeChat's 扫一扫; throws MiniCodeError when WeChat refuses. */
  image(page: string, scene: string): Promise<Buffer>
}

export class MiniCodeError extends Error {
  constructor(
    readonly errCode: number,
    message: string,
  ) {
    super(message)
  }
}

export interface Ports {
  storage: Storage
  clock: Clock
  secrets: Secrets
  sender: MessageSender
  log: Logger
  links?: Links
  miniCodes?: MiniCodes
  files: Files
}
