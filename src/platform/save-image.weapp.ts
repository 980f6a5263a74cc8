import Taro from '@tarojs/taro'
import { SaveImageError, type SaveOutcome } from './save-image.types'

export { SaveImageError, type SaveFailure, type SaveOutcome } from './save-image.types'

function failure(error: unknown): SaveImageError {
  const errMsg = String((error as { errMsg?: string } | undefined)?.errMsg ?? '')
  const errno = Number((error as { errno?: number } | undefined)?.errno ?? 0)
  if (/cancel/i.test(errMsg)) return new SaveImageError('cancelled', errMsg)
  // errno 104: the user refused the privacy popup; 112: the album write is missing from the privacy guide.
  if (errno === 104 || errno === 112 || /privacy/i.test(errMsg)) return new SaveImageError('privacy', errMsg)
  if (/auth|deny|denied/i.test(errMsg)) return new SaveImageError('denied', errMsg)
  return new SaveImageError('failed', errMsg)
}

/** People who refused the album permission can allow it again here. */
export const canOpenAlbumSettings = true

/** https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/wx.openSetting.html */
export async function openAlbumSettings(): Promise<void> {
  await Taro.openSetting().catch(() => undefined)
}

/**
 * weapp build: downloads the image to a temp file (https://developers.weixin.qq.com/miniprogram/dev/api/network/download/wx.downloadFile.html)
 * and saves it to the album (https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.saveImageToPhotosAlbum.html).
 * Saving to the album is a privacy interface: it must be declared in the privacy guide, and the page shows the
 * privacy popup.
 */
export async function saveImage(url: string, _fileName: string): Promise<SaveOutcome> {
  let filePath: string
  try {
    const res = await Taro.downloadFile({ url })
    if (res.statusCode !== 200) throw new SaveImageError('failed', `download status ${res.statusCode}`)
    filePath = res.tempFilePath
  } catch (error) {
    throw error instanceof SaveImageError ? error : failure(error)
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch (error) {
    throw failure(error)
  }
}
