/**
 * The export layouts, opened as Excel and Word would read them: the sheet through read-excel-file,
 * the document unzipped. Data in, file out, no storage.
 */
import readXlsxFile from 'read-excel-file/node'
import { strFromU8, unzipSync } from 'fflate'
import { pictureOf, writeDocument } from './document'
import { attendanceTable, checklistTable, duesTable, meetingsTable, minutesBlocks, studyTable, type AttendanceLine, type MeetingFacts, type MinutesAttendance, type MinutesInput } from './sheets'
import { displayWidth, writeWorkbook } from './workbook'

const HEAD = { branchName: '示例党支部', madeOn: '2026-05-21' }
const MEETING: MeetingFacts = {
  title: '支部党员大会：学习党章',
  type: 'branch_assembly',
  startAt: '2026-05-20T14:30:00+08:00',
  endAt: '2026-05-20T16:30:00+08:00',
  location: '党群服务中心二楼',
  groupName: null,
}
const LINES: AttendanceLine[] = [
  { name: '陈志强', groupName: '第一党小组', status: 'present', checkedInAt: '2026-05-20T14:21:00+08:00' },
  { name: '刘秀英', groupName: '第一党小组', status: 'late', checkedInAt: '2026-05-20T14:41:00+08:00' },
  { name: '杨伟', groupName: '第一党小组', status: 'leave', note: '=HYPERLINK("http://x","出差")' },
  { name: '黄丽娟', groupName: '第二党小组', status: 'absent' },
  { name: '@周建国', groupName: '第二党小组', status: 'makeup', checkedInAt: '2026-05-20T17:00:00+08:00', note: '+手机没电，会后补签' },
]

async function cells(bytes: Uint8Array) {
  return (await readXlsxFile(Buffer.from(bytes))).map((s) => ({ sheet: s.sheet, rows: s.data }))
}

describe('a sheet’s first rows and columns', () => {
  it('names what it is, the branch, the period and 制表日期, then the header', async () => {
    const [sheet] = await cells(await writeWorkbook([attendanceTable(HEAD, MEETING, LINES)]))
    expect(sheet.sheet).toBe('考勤表')
    expect(sheet.rows.slice(0, 7).map((r) => r[0])).toEqual([
      '支部党员大会：学习党章 考勤表',
      '党支部：示例党支部',
      '期间：支部党员大会　2026年5月20日 14:30–16:30',
      '制表日期：2026-05-21',
      '地点：党群服务中心二楼',
      '应到 5 人，实到 3 人（出席 1，迟到 1，补签 1），请假 1 人，缺席 1 人',
      '序号',
    ])
  })

  it('has every member with their status in Chinese', async () => {
    const [sheet] = await cells(await writeWorkbook([attendanceTable(HEAD, MEETING, LINES)]))
    expect(sheet.rows.slice(7)).toEqual([
      [1, '陈志强', '第一党小组', '出席', '14:21', null],
      [2, '刘秀英', '第一党小组', '迟到', '14:41', null],
      [3, '杨伟', '第一党小组', '请假', null, '=HYPERLINK("http://x","出差")'],
      [4, '黄丽娟', '第二党小组', '缺席', null, null],
      [5, '@周建国', '第二党小组', '补签', '17:00', '+手机没电，会后补签'],
    ])
  })

  it('writes typed text beginning with = + - @ as text, never as a formula', async () => {
    const bytes = await writeWorkbook([attendanceTable(HEAD, MEETING, [...LINES, { name: '-1+1', groupName: null, status: 'absent' }])])
    const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])
    expect(sheetXml).not.toMatch(/<f[ >]/)
    const [sheet] = await cells(bytes)
    expect(sheet.rows.at(-1)).toEqual([6, '-1+1', null, '缺席', null, null])
  })

  it('makes columns wide enough for their Chinese text', async () => {
    expect(displayWidth('党小组')).toBe(6)
    expect(displayWidth('14:30')).toBe(5)
    const sheetXml = strFromU8(unzipSync(await writeWorkbook([attendanceTable(HEAD, MEETING, LINES)]))['xl/worksheets/sheet1.xml'])
    const widths = [...sheetXml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]))
    // 姓名 fits 陈志强 (6) plus a margin; 说明 fits its header of 13 characters, mostly Han.
    expect(widths[1]).toBeGreaterThanOrEqual(8)
    expect(widths[5]).toBeGreaterThanOrEqual(displayWidth('说明（请假事由、补签原因）'))
  })
})

describe('the year’s sheets', () => {
  it('三会一课台账: a row per meeting with 应到 and 实到, totals over those held', async () => {
    const table = meetingsTable(HEAD, 2026, [
      { ...MEETING, expected: 23, attended: 20, leave: 1, absent: 2, ended: true },
      { ...MEETING, title: '第一党小组五月党小组会', type: 'group', groupName: '第一党小组', startAt: '2026-05-25T19:00:00+08:00', endAt: '2026-05-25T20:00:00+08:00', location: null, expected: 11, attended: 0, leave: 0, absent: 0, ended: false },
    ])
    const [sheet] = await cells(await writeWorkbook([table]))
    expect(sheet.rows[0][0]).toBe('2026年 三会一课台账')
    expect(sheet.rows.slice(6)).toEqual([
      [1, '2026-05-20', '14:30–16:30', '支部党员大会：学习党章', '支部党员大会', null, '党群服务中心二楼', 23, 20, 1, 2],
      [2, '2026-05-25', '19:00–20:00', '第一党小组五月党小组会', '党小组会', '第一党小组', null, 11, '未召开', null, null],
      ['合计', null, null, '已召开 1 次', null, null, null, 23, 20, 1, 2],
    ])
  })

  it('党费登记表: members × months in 元, 未缴 for a month come and unpaid, totals per month', async () => {
    const table = duesTable(HEAD, 2026, ['2026-01', '2026-02', '2026-03'], [
      { name: '陈志强', amount: 4250, paid: new Map([['2026-01', 4250], ['2026-02', 4250]]) },
      { name: '刘秀英', amount: null, paid: new Map([['2026-03', 1000]]) },
    ])
    const [sheet] = await cells(await writeWorkbook([table]))
    const [header, chen, liu, totals] = sheet.rows.slice(5)
    expect(header.slice(0, 6)).toEqual(['序号', '姓名', '核定月缴', '1月', '2月', '3月'])
    expect(header.slice(-3)).toEqual(['12月', '已缴合计', '未缴月数'])
    expect(chen.slice(0, 7)).toEqual([1, '陈志强', 42.5, 42.5, 42.5, '未缴', null])
    expect(chen.slice(-2)).toEqual([85, 1])
    expect(liu.slice(0, 6)).toEqual([2, '刘秀英', '未核定', '未缴', '未缴', 10])
    expect(totals.slice(0, 7)).toEqual(['合计', null, 42.5, 42.5, 42.5, 10, null])
    expect(totals.slice(-2)).toEqual([95, 3])
  })

  it('学时统计: points and 学时 per member against the year’s target', async () => {
    const table = studyTable(HEAD, 2026, [
      { name: '陈志强', points: 30, studyHours: 32.5, target: 32 },
      { name: '刘秀英', points: 12, studyHours: 10, target: 32 },
    ])
    const [sheet] = await cells(await writeWorkbook([table]))
    expect(sheet.rows.slice(4)).toEqual([
      ['序号', '姓名', '积分', '学时', '年度目标学时', '完成情况'],
      [1, '陈志强', 30, 32.5, 32, '已完成'],
      [2, '刘秀英', 12, 10, 32, '差 22 学时'],
      ['合计', '2 人', 42, 42.5, 64, null],
    ])
  })

  it('三会一课完成情况: met, missed, still open, or before the branch kept records here', async () => {
    const item = (period: string, kind: 'committee' | 'group' | 'branch_assembly', held: number, due: boolean, groupId: string | null = null) => ({ period, kind, groupId, required: 1, held, due, met: held >= 1 })
    const table = checklistTable(HEAD, 2026, [item('2026-02', 'committee', 0, true), item('2026-03', 'committee', 0, true), item('2026-04', 'group', 1, true, 'g1'), item('2026-Q2', 'branch_assembly', 0, false)], new Map([['g1', '第一党小组']]), '2026-03')
    const [sheet] = await cells(await writeWorkbook([table]))
    expect(sheet.rows[4][0]).toBe('共 4 项，已完成 1 项，已到期未完成 1 项；只计已结束、未取消且有人签到的会议')
    expect(sheet.rows.slice(6)).toEqual([
      [1, '2月', '支委会', null, 1, 0, '未记录'],
      [2, '3月', '支委会', null, 1, 0, '未完成'],
      [3, '4月', '党小组会', '第一党小组', 1, 1, '已完成'],
      [4, '第二季度', '支部党员大会', null, 1, 0, '进行中'],
    ])
  })

  it('puts several tables in one workbook, a sheet each', async () => {
    const sheets = await cells(await writeWorkbook([attendanceTable(HEAD, MEETING, LINES), studyTable(HEAD, 2026, [])]))
    expect(sheets.map((s) => s.sheet)).toEqual(['考勤表', '学时统计'])
  })
})

/** A 2×1 PNG (IHDR only matters to pictureOf; Word reads the rest). */
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DAwMDAwAAAHgAB/6C2JwAAAABJRU5ErkJggg==', 'base64'),
)

describe('the 会议记录 .docx', () => {
  const minutes = { host: '王建华', recorder: '李明', topics: ['传达全会精神', '讨论 & 表决<预备党员>转正'], summary: '书记传达了全会精神。\n大家交流发言。', decisions: '同意按期转正' }
  const attendance: MinutesAttendance = {
    expected: 5,
    present: 1,
    late: 1,
    makeup: 1,
    leave: 1,
    absent: 1,
    absentees: [
      { name: '杨伟', status: 'leave', reason: '=HYPERLINK("http://x","出差")' },
      { name: '黄丽娟', status: 'absent' },
    ],
  }
  const input = (over: Partial<MinutesInput> = {}): MinutesInput => ({ meeting: MEETING, attendance, quorum: null, minutes, photos: [], photosLeftOut: 0, ...over })

  const text = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|')

  function unzip(bytes: Uint8Array) {
    const files = unzipSync(bytes)
    const xml = strFromU8(files['word/document.xml'])
    return { files, xml, text: text(xml) }
  }

  it('holds title, time, place, host, recorder, attendance from the records, topics, content and decisions', () => {
    const { files, text } = unzip(writeDocument(minutesBlocks(HEAD, input({ quorum: { fullExpected: 4, fullPresent: 3, met: true } }))))
    expect(Object.keys(files)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels'])
    expect(text).toContain('示例党支部 会议记录')
    for (const [label, value] of [
      ['会议名称', '支部党员大会：学习党章'],
      ['时间', '2026年5月20日 14:30–16:30'],
      ['地点', '党群服务中心二楼'],
      ['主持人', '王建华'],
      ['记录人', '李明'],
      ['应到人数', '5 人'],
      ['实到人数', '3 人（其中迟到 1 人，补签 1 人）'],
      ['正式党员到会', '应到 4 人，实到 3 人，超过半数，可以表决'],
      ['缺席及原因', '杨伟（请假：=HYPERLINK(&quot;http://x&quot;,&quot;出差&quot;)）；黄丽娟（缺席）'],
      ['议题', '1. 传达全会精神|2. 讨论 &amp; 表决&lt;预备党员&gt;转正'],
      ['内容摘要', '书记传达了全会精神。|大家交流发言。'],
      ['决议', '同意按期转正'],
    ]) {
      expect(text).toContain(`${label}|${value}`)
    }
  })

  it('embeds the photos, each referenced from the text', () => {
    const picture = pictureOf(PNG)
    expect(picture).toMatchObject({ type: 'png', width: 2, height: 1 })
    const { files, xml } = unzip(writeDocument(minutesBlocks(HEAD, input({ photos: [picture!, picture!], photosLeftOut: 1 }))))
    expect(files['word/media/image1.png']).toEqual(PNG)
    expect(files['word/media/image2.png']).toEqual(PNG)
    expect(strFromU8(files['word/_rels/document.xml.rels'])).toContain('Id="rIdImage2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.png"')
    expect(xml.match(/<a:blip r:embed="rIdImage\d"\/>/g)).toHaveLength(2)
    expect(text(xml)).toContain('另有 1 张照片的格式无法放入文档')
    // Scaled to the text width, keeping the 2:1 shape.
    expect(xml).toContain('<wp:extent cx="5731510" cy="2865755"/>')
  })

  it('without minutes yet still lists the attendance', () => {
    const { text } = unzip(writeDocument(minutesBlocks(HEAD, input({ minutes: null }))))
    expect(text).toContain('应到人数|5 人')
    expect(text).toContain('主持人||记录人|')
  })

  it('reads a JPEG’s size from its frame header, and refuses what is neither JPEG nor PNG', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0, 0, 0, 0])
    expect(pictureOf(jpeg)).toMatchObject({ type: 'jpeg', width: 640, height: 480 })
    expect(pictureOf(strToBytes('GIF89a................'))).toBeNull()
  })
})

function strToBytes(s: string) {
  return Uint8Array.from(Buffer.from(s))
}
