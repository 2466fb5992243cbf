/**
 * A spreadsheet (.xlsx or .csv) the person picks, as base64 for the server to read: in H5 from a
 * file picker, in the mini-program from a chat (WeChat has no other way to a phone's files).
 */
import Taro from '@tarojs/taro'
import { LIMITS } from '../domain/limits'
import { chooseWebFile } from './web-file'

export interface PickedFile {
  name: string
  contentBase64: string
}

export class SpreadsheetFileError extends Error {}

const EXTENSIONS = ['xlsx', 'csv']
const TOO_BIG = '文件太大：请删去无关的工作表后再试'
const WRONG_KIND = '请选择 .xlsx 或 .csv 格式的表格'

const knownKind = (name: string) => EXTENSIONS.some((ext) => name.toLowerCase().endsWith(`.${ext}`))

function checked(file: PickedFile): PickedFile {
  if (!knownKind(file.name)) throw new SpreadsheetFileError(WRONG_KIND)
  if (file.contentBase64.length > LIMITS.rosterFile) throw new SpreadsheetFileError(TOO_BIG)
  return file
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

async function pickOnWeb(): Promise<PickedFile | null> {
  const file = await chooseWebFile('.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  if (!file) return null
  if (!knownKind(file.name)) throw new SpreadsheetFileError(WRONG_KIND)
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    throw new SpreadsheetFileError('文件读取失败，请重试')
  }
  return checked({ name: file.name, contentBase64: bytesToBase64(bytes) })
}

async function pickFromChat(): Promise<PickedFile | null> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: EXTENSIONS })
  } catch {
    return null // the person backed out
  }
  const file = chosen.tempFiles[0]
  if (!file) return null
  if (!knownKind(file.name)) throw new SpreadsheetFileError(WRONG_KIND)
  try {
    const contentBase64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string
    return checked({ name: file.name, contentBase64 })
  } catch (err) {
    throw err instanceof SpreadsheetFileError ? err : new SpreadsheetFileError('文件读取失败，请重试')
  }
}

/** The picked file, or null when the person backs out. */
export function pickSpreadsheet(): Promise<PickedFile | null> {
  return process.env.TARO_ENV === 'h5' ? pickOnWeb() : pickFromChat()
}

/** H5: saves a UTF-8 .csv (with the mark Excel needs to read it as UTF-8). */
export function downloadCsv(fileName: string, lines: string[][]) {
  const text = '\ufeff' + lines.map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n'
  downloadBlob(fileName, new Blob([text], { type: 'text/csv;charset=utf-8' }))
}

/** H5: saves a file the app made (a template, an export) through the browser's download. */
export function downloadBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  URL.revokeObjectURL(url)
}
