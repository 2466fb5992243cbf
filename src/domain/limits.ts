/**
 * The limits of what a person may type or choose, as plain numbers: the action declarations'
 * schemas are built from them on the server, and forms show them (a counter, a range) without
 * bundling zod into the mini-program. A length is in characters, after trimming.
 */
export const LIMITS = {
  branch: { nameMin: 2, name: 40 },
  /** A person's name as the branch writes it. */
  personName: 20,
  groupName: 20,
  meeting: { title: 40, location: 60, agenda: 1000 },
  /** Why a meeting is cancelled, a make-up check-in, a leave. */
  reason: { min: 2, max: 200 },
  /** dayMinutesMax: a member's self-study a day across entries; backDays: how far back an entry may be dated. */
  study: { title: 60, note: 500, minutesMin: 5, minutesMax: 600, dayMinutesMax: 480, backDays: 30 },
  makeupNote: 500,
  xuexiPoints: 5000,
  question: { stemMin: 2, stem: 300, option: 100, optionsMin: 2, optionsMax: 8 },
  quiz: { title: 40, questionsMax: 100, timeLimitMin: 1, timeLimitMax: 180, passScoreMax: 100, pointsMax: 20 },
  settings: { targetHoursMin: 1, targetHoursMax: 200, xuexiWeeklyTargetMax: 1000, meetingPointsMax: 10, fixWindowDaysMin: 1, fixWindowDaysMax: 90 },
  /** A photo or screenshot as sent (a data URL locally), in characters. */
  picture: 400_000,
  /** A roster spreadsheet as base64 (about 600 KB of file: 500 rows take a few dozen KB). */
  rosterFile: 800_000,
  /** A question spreadsheet saved as CSV, in characters. */
  questionCsv: 500_000,
  /** A secretary's notice (通知): its title and text. */
  announcement: { title: 30, body: 500 },
  /** Photos a member may keep on self-study records in a calendar year (two a week): storage and answers stay bounded. */
  studyPhotosPerYear: 104,
  /** 会议记录: 议题 (each, and how many), 内容摘要, 决议, photos (how many; bytes each after shrinking; a person's a year). */
  minutes: { topic: 100, topicsMax: 20, summary: 5000, decisions: 2000, photosMax: 9 },
  photo: { bytesMax: 300 * 1024, perYearMax: 600 },
} as const
