/**
 * Opening an exported file (CONTRACT §6 links). In WeChat the file is downloaded under its own
 * name and shown by openDocument with its menu, so the secretary can forward it to a chat or open
 * it in WPS; locally the browser downloads it from the link.
 */
import Taro from '@tarojs/taro'

export interface ExportedFile {
  fileName: string
  url: string
}

export class ExportFileError extends Error {}

type DocumentType = 'xlsx' | 'docx'

const typeOf = (fileName: string): DocumentType => (fileName.toLowerCase().endsWith('.docx') ? 'docx' : 'xlsx')

export async function openExport(file: ExportedFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    // The server answers the link as an attachment: the browser saves it and the page stays.
    window.location.assign(file.url)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  let downloaded: Taro.downloadFile.FileSuccessCallbackResult
  try {
    downloaded = await Taro.downloadFile({ url: file.url, filePath })
  } catch {
    throw new ExportFileError('下载失败，请检查网络后重试')
  }
  if (downloaded.statusCode !== 200) throw new ExportFileError('链接已过期，请重新导出')
  try {
    await Taro.openDocument({ filePath: downloaded.filePath || filePath, fileType: typeOf(file.fileName), showMenu: true })
  } catch {
    throw new ExportFileError('无法打开文件，请复制链接在电脑上下载')
  }
}

/** The link to paste into a computer's browser (it works there without signing in, until it expires). */
export async function copyExportLink(file: ExportedFile): Promise<void> {
  await Taro.setClipboardData({ data: file.url })
}
