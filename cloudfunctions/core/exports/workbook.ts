/**
 * The one layout every exported sheet has (CONTRACT §6): a title row, the branch, the period and
 * 制表日期, then a header row, the data rows and an optional totals row, with columns wide enough
 * for Chinese text. Written by write-excel-file, which stores every string as a shared string: a
 * typed `=SUM(...)` or `@cmd` stays text and never becomes a formula (no cell is typed Formula).
 */
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node'

export type Value = string | number | null

export interface Column {
  header: string
  /** Numbers are right-aligned; `money` also shows two decimals (the value is in 元). */
  kind?: 'text' | 'number' | 'money'
}

export interface Table {
  /** The sheet tab's name (at most 31 characters, no `[]:*?/\`). */
  sheet: string
  title: string
  branchName: string
  /** What the sheet covers, as a person says it: `2026年`, `2026年5月20日 14:30–16:30`. */
  period: string
  /** `YYYY-MM-DD`. */
  madeOn: string
  /** Lines between the 制表日期 and the header (a meeting's place, its counts). */
  notes?: string[]
  columns: Column[]
  rows: Value[][]
  totals?: Value[]
}

/** Excel's column width is in widths of a `0`; a Han character (or a full-width sign) takes two. */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1
  return w
}

const MIN_WIDTH = 6
const MAX_WIDTH = 60

function columnWidths(table: Table): number[] {
  const body = [table.columns.map((c) => c.header), ...table.rows, ...(table.totals ? [table.totals] : [])]
  return table.columns.map((column, i) => {
    const widest = Math.max(...body.map((row) => displayWidth(cellText(row[i], column))))
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2))
  })
}

const cellText = (value: Value | undefined, column: Column) =>
  value === null || value === undefined ? '' : typeof value === 'number' && column.kind === 'money' ? value.toFixed(2) : String(value)

const BORDER = { borderStyle: 'thin', borderColor: '#999999' } as const

function dataCell(value: Value | undefined, column: Column, bold = false): Cell {
  const style = { ...BORDER, ...(bold ? { fontWeight: 'bold' as const } : {}) }
  if (value === null || value === undefined) return { value: '', type: String, ...style }
  if (typeof value === 'number') {
    return { value, type: Number, align: 'right', ...(column.kind === 'money' ? { format: '0.00' } : {}), ...style }
  }
  return { value, type: String, wrap: true, ...style }
}

function sheetRows(table: Table): Row[] {
  const span = table.columns.length
  const line = (value: string): Row => [{ value, type: String, columnSpan: span }, ...Array(span - 1).fill(null)]
  return [
    [{ value: table.title, type: String, columnSpan: span, fontWeight: 'bold', fontSize: 16, align: 'center', height: 28 }, ...Array(span - 1).fill(null)],
    line(`党支部：${table.branchName}`),
    line(`期间：${table.period}`),
    line(`制表日期：${table.madeOn}`),
    ...(table.notes ?? []).map(line),
    table.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold', align: 'center', backgroundColor: '#F2F2F2', ...BORDER })),
    ...table.rows.map((row) => table.columns.map((c, i) => dataCell(row[i], c))),
    ...(table.totals ? [table.columns.map((c, i) => dataCell(table.totals![i], c, true))] : []),
  ]
}

/** The rows above the header: title, branch, period, 制表日期 and any notes. */
const headerRowCount = (table: Pick<Table, 'notes'>) => 4 + (table.notes?.length ?? 0)

/** A workbook of one or more tables, one sheet each. */
export async function writeWorkbook(tables: Table[]): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(
    tables.map((t) => ({ sheet: t.sheet, data: sheetRows(t), columns: columnWidths(t).map((width) => ({ width })), stickyRowsCount: headerRowCount(t) + 1 })),
    { fontFamily: '宋体', fontSize: 11 },
  ).toBuffer()
  return new Uint8Array(buffer)
}
