/**
 * H5: reads a .csv file the person picks, in whichever encoding it was saved. The mini-program
 * has no file picker for this; there the CSV text is pasted.
 */
import { decodeCsvBytes } from '../display/csv-hint'
import { chooseWebFile } from './web-file'

/** The question import takes up to 500,000 characters. */
const MAX_BYTES = 500_000

export const CAN_PICK_CSV = process.env.TARO_ENV === 'h5'

export class CsvFileError extends Error {}

/** The file's text, or null when the person backs out. */
export async function pickCsvFile(): Promise<string | null> {
  if (!CAN_PICK_CSV) return null
  const file = await chooseWebFile('.csv,text/csv')
  if (!file) return null
  if (file.size > MAX_BYTES) throw new CsvFileError('文件太大，请分成几个文件导入（每个不超过 500 KB）')
  try {
    return decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
  } catch {
    throw new CsvFileError('文件读取失败，请确认是 CSV 格式')
  }
}
