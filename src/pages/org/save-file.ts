/**
 * Saves the .xlsx the server made: in H5 as a download; in the mini-program into the app's own
 * files, opened with WeChat's document viewer, whose menu sends it to a chat or another app.
 */
import Taro from '@tarojs/taro'
import { downloadBlob } from '../../services/spreadsheet-file'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export async function saveSpreadsheet(fileName: string, contentBase64: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0))
    downloadBlob(fileName, new Blob([bytes], { type: XLSX }))
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, contentBase64, 'base64')
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
