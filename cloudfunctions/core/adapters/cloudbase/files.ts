import { randomBytes } from 'node:crypto'
import { toShanghaiIso } from '../../../../src/domain/time'
import type { Clock, FileLink, Files, StoredFile } from '../../ports'

/** The slice of @cloudbase/node-sdk's app this adapter uses (its storage calls). */
export interface CloudStorageApi {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(options: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; code: string }>
  }>
  downloadFile(options: { fileID: string }): Promise<{ fileContent: string | Buffer | undefined }>
}

const EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
}

/**
 * Files in the environment's cloud storage. The path is random (the person's file name may be
 * Chinese and is not needed to find the file); links are CloudBase's temporary URLs.
 */
export class CloudbaseFiles implements Files {
  constructor(
    private readonly app: CloudStorageApi,
    private readonly clock: Clock,
  ) {}

  async put(bytes: Uint8Array, contentType: string, _name: string): Promise<string> {
    const month = toShanghaiIso(this.clock.now()).slice(0, 7)
    const cloudPath = `zhibu/${month}/${randomBytes(16).toString('hex')}.${EXTENSION[contentType] ?? 'bin'}`
    const { fileID } = await this.app.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) })
    return fileID
  }

  async url(fileId: string, ttlSec: number): Promise<FileLink> {
    const expiresAt = toShanghaiIso(new Date(this.clock.now().getTime() + ttlSec * 1000))
    const { fileList } = await this.app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: ttlSec }] })
    const file = fileList[0]
    if (!file || file.code !== 'SUCCESS' || !file.tempFileURL) throw new Error(`getTempFileURL failed: ${file?.code ?? 'no answer'}`)
    return { url: file.tempFileURL, expiresAt }
  }

  async get(fileId: string): Promise<StoredFile | null> {
    if (!fileId.startsWith('cloud://')) return null
    const { fileContent } = await this.app.downloadFile({ fileID: fileId })
    if (fileContent === undefined) return null
    const ext = fileId.slice(fileId.lastIndexOf('.') + 1)
    const contentType = Object.keys(EXTENSION).find((type) => EXTENSION[type] === ext) ?? 'application/octet-stream'
    return { bytes: Buffer.from(fileContent), contentType, name: fileId.slice(fileId.lastIndexOf('/') + 1) }
  }
}
