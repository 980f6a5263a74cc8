import type cloud from 'wx-server-sdk'
import type { Files } from '../ports'

/**
 * CloudBase storage behind the Files port. Files stay private; clients get short-lived URLs only.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/storage/
 */
export function createWxFiles(sdk: typeof cloud): Files {
  return {
    async upload(cloudPath, content) {
      const res = await sdk.uploadFile({ cloudPath, fileContent: content })
      return { fileID: res.fileID }
    },
    async download(fileID) {
      const res = await sdk.downloadFile({ fileID })
      return res.fileContent as Buffer
    },
    async tempUrls(fileIDs, maxAgeSeconds) {
      const out: Array<{ fileID: string; url: string }> = []
      for (let i = 0; i < fileIDs.length; i += 50) {
        const res = await sdk.getTempFileURL({ fileList: fileIDs.slice(i, i + 50).map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) })
        for (const f of res ? res.fileList : []) out.push({ fileID: f.fileID, url: f.tempFileURL })
      }
      return out
    },
    async remove(fileIDs) {
      for (let i = 0; i < fileIDs.length; i += 50) await sdk.deleteFile({ fileList: fileIDs.slice(i, i + 50) })
    },
  }
}
