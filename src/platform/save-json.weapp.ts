import Taro from '@tarojs/taro'
import type { SavedJson } from './save-json.types'

export type { SavedJson } from './save-json.types'

/**
 * weapp build: writes the JSON to the mini-program's user-data folder (`wx.env.USER_DATA_PATH`) with the file
 * system manager (https://developers.weixin.qq.com/miniprogram/dev/api/file/FileSystemManager.writeFile.html).
 * WeChat's document viewer opens only office files and PDFs
 * (https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html), so the page shows where the
 * file is and offers to send it to a chat with `shareFile`.
 */
export function saveJson(name: string, data: unknown): Promise<SavedJson> {
  const path = `${Taro.env.USER_DATA_PATH}/${name}`
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath: path,
      data: JSON.stringify(data, null, 2),
      encoding: 'utf8',
      success: () => resolve({ kind: 'saved', name, path }),
      fail: (error) => reject(new Error(error.errMsg)),
    })
  })
}

/** WeChat can forward a local file to a chat (文件传输助手 included). */
export const canShareFile = true

/**
 * Sends the saved file to a chat the user picks. Must be called from a tap
 * (https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.shareFileMessage.html: 仅在点击行为时调用).
 */
export async function shareFile(path: string, name: string): Promise<void> {
  await Taro.shareFileMessage({ filePath: path, fileName: name })
}
