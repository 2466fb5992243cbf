/**
 * The one reader for every spreadsheet the app takes: .xlsx (read-excel-file) or .csv saved by
 * Excel as UTF-8 or GBK (papaparse). It runs in the `api` function, so neither library reaches
 * the mini-program.
 */
import Papa from 'papaparse'
import readXlsxFile from 'read-excel-file/node'
import { invalidInput } from './errors'

export interface UploadedFile {
  name: string
  contentBase64: string
}

/** Excel's CSV is UTF-8 (often with a BOM) or, on Chinese Windows, GBK: UTF-8 first, strictly. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

/**
 * CSV text as rows of cells (quoted cells may hold commas, quotes and line breaks). Blank rows are
 * kept, so that a row's index + 1 is the row number the spreadsheet shows.
 */
export function csvTextRows(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: false }).data
}

/** A cell as the text the spreadsheet shows for it, trimmed (xlsx gives numbers, booleans and Dates). */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return String(cell).trim()
}

/** Rows with every cell as text. */
export const textRows = (rows: unknown[][]): string[][] => rows.map((cells) => cells.map(cellText))

/**
 * The first sheet's rows as cells (strings, numbers, booleans, Dates), blank rows kept;
 * INVALID_INPUT naming `file` when unreadable.
 */
export async function readSpreadsheet(file: UploadedFile): Promise<unknown[][]> {
  const bytes = Buffer.from(file.contentBase64, 'base64')
  if (bytes.length === 0) throw invalidInput('file', '文件是空的')
  const lower = file.name.toLowerCase()
  if (lower.endsWith('.csv')) {
    return csvTextRows(decodeCsv(bytes))
  }
  if (lower.endsWith('.xlsx')) {
    try {
      const sheets = await readXlsxFile(bytes)
      return sheets[0]?.data ?? []
    } catch {
      throw invalidInput('file', '无法读取这个 .xlsx 文件：请用 Excel 或 WPS 另存为 .xlsx 后再试')
    }
  }
  throw invalidInput('file', '请选择 .xlsx 或 .csv 文件（.xls 请先另存为 .xlsx）')
}
