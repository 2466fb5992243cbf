/**
 * The CloudBase files adapter against a recording stand-in for @cloudbase/node-sdk's storage calls:
 * it checks what the adapter asks cloud storage for, not how cloud storage answers.
 */
import { CloudbaseFiles, type CloudStorageApi } from '../cloudfunctions/core/adapters/cloudbase/files'
import { fixedClock } from './support/clock'

function recordingStorage(tempFileCode = 'SUCCESS') {
  const calls: Array<[string, unknown]> = []
  const api: CloudStorageApi = {
    uploadFile: async (options) => {
      calls.push(['uploadFile', options])
      return { fileID: `cloud://zhibu-env.7a68/${options.cloudPath}` }
    },
    getTempFileURL: async (options) => {
      calls.push(['getTempFileURL', options])
      return { fileList: options.fileList.map(({ fileID }) => ({ fileID, code: tempFileCode, tempFileURL: tempFileCode === 'SUCCESS' ? 'https://7a68.tcb.qcloud.la/x.jpg?sign=abc&t=1' : '' })) }
    },
    downloadFile: async (options) => {
      calls.push(['downloadFile', options])
      return { fileContent: Buffer.from([1, 2, 3]) }
    },
  }
  return { api, calls }
}

const clock = fixedClock('2026-12-02T10:00:00+08:00')

describe('CloudbaseFiles (calls sent only)', () => {
  it('uploads under a random path of the month with the type’s extension, never the person’s file name', async () => {
    const { api, calls } = recordingStorage()
    const files = new CloudbaseFiles(api, clock)
    const a = await files.put(Buffer.from([1, 2]), 'image/jpeg', '支部大会.jpg')
    const b = await files.put(Buffer.from([1, 2]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '考勤表.xlsx')
    expect(a).toMatch(/^cloud:\/\/zhibu-env\.7a68\/zhibu\/2026-12\/[0-9a-f]{32}\.jpg$/)
    expect(b).toMatch(/\.xlsx$/)
    expect(a).not.toBe(b)
    expect(calls[0]).toEqual(['uploadFile', { cloudPath: expect.stringMatching(/^zhibu\/2026-12\/[0-9a-f]{32}\.jpg$/), fileContent: Buffer.from([1, 2]) }])
  })

  it('asks for a temporary link of the given lifetime and answers when it ends', async () => {
    const { api, calls } = recordingStorage()
    const link = await new CloudbaseFiles(api, clock).url('cloud://zhibu-env.7a68/zhibu/2026-12/a.jpg', 900)
    expect(calls).toEqual([['getTempFileURL', { fileList: [{ fileID: 'cloud://zhibu-env.7a68/zhibu/2026-12/a.jpg', maxAge: 900 }] }]])
    expect(link).toEqual({ url: 'https://7a68.tcb.qcloud.la/x.jpg?sign=abc&t=1', expiresAt: '2026-12-02T10:15:00+08:00' })
  })

  it('fails loudly when cloud storage gives no link, instead of answering an empty one', async () => {
    const { api } = recordingStorage('STORAGE_FILE_NONEXIST')
    await expect(new CloudbaseFiles(api, clock).url('cloud://zhibu-env.7a68/x.jpg', 600)).rejects.toThrow('STORAGE_FILE_NONEXIST')
  })

  it('reads a cloud file’s bytes back, and nothing for an id that is not a cloud file', async () => {
    const { api, calls } = recordingStorage()
    const files = new CloudbaseFiles(api, clock)
    expect(await files.get('cloud://zhibu-env.7a68/zhibu/2026-12/a.jpg')).toEqual({ bytes: Buffer.from([1, 2, 3]), contentType: 'image/jpeg', name: 'a.jpg' })
    expect(await files.get('f-local')).toBeNull()
    expect(calls).toEqual([['downloadFile', { fileID: 'cloud://zhibu-env.7a68/zhibu/2026-12/a.jpg' }]])
  })
})
