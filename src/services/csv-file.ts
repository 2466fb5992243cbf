/**
 * H5: reads a .csv file the person picks, in whichever encoding it was saved. The mini-program
 * has no file picker for this; there the CSV text is pasted.
 */
import { decodeCsvBytes } from '../display/csv-hint'

/** The question import takes up to 500,000 characters. */
const MAX_BYTES = 500_000

export const CAN_PICK_CSV = process.env.TARO_ENV === 'h5'

export class CsvFileError extends Error {}

/** The file's text, or null when the person backs out. */
export function pickCsvFile(): Promise<string | null> {
  if (!CAN_PICK_CSV) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,text/csv'
    input.style.display = 'none'
    const done = () => input.remove()
    input.addEventListener('cancel', () => {
      done()
      resolve(null)
    })
    input.addEventListener('change', async () => {
      const file = input.files?.[0]
      done()
      if (!file) return resolve(null)
      if (file.size > MAX_BYTES) return reject(new CsvFileError('文件太大，请分成几个文件导入（每个不超过 500 KB）'))
      try {
        resolve(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())))
      } catch {
        reject(new CsvFileError('文件读取失败，请确认是 CSV 格式'))
      }
    })
    document.body.appendChild(input)
    input.click()
  })
}
