import Taro from '@tarojs/taro'
import { UPLOAD_LIMITS } from '@/domain/photo/photo.schema'
import { compressedWidthFor, encodeWithinBytes, exifOrientationOf, orientedSize } from '@/domain/photo/upload-plan'
import { MediaError, type MediaFailure, type PreparedPhoto } from './media.types'

export { MediaError, type MediaFailure, type PreparedPhoto } from './media.types'

/**
 * weapp build: photos come from wx.chooseMedia or the <camera> component; local paths are temp files.
 * Camera, album and file APIs are privacy interfaces: they must be declared in the privacy guide
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html), or they fail with errno 112.
 */

interface WxFailure {
  errMsg?: string
  errno?: number
}

/** Sorts a WeChat failure into what the page can say about it. */
export function failureOf(error: unknown): MediaError {
  const { errMsg = '', errno } = (error ?? {}) as WxFailure
  let reason: MediaFailure = 'unavailable'
  if (/cancel/i.test(errMsg)) reason = 'cancelled'
  else if (errno === 112 || errno === 104 || /privacy/i.test(errMsg)) reason = 'privacy'
  else if (/auth|permission|denied/i.test(errMsg)) reason = 'denied'
  return new MediaError(reason, errMsg)
}

/** https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html */
async function choose(sourceType: Array<'album' | 'camera'>): Promise<string> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType, camera: 'front', sizeType: ['original'] })
    const file = res.tempFiles[0]
    if (!file) throw new MediaError('cancelled')
    return file.tempFilePath
  } catch (error) {
    throw error instanceof MediaError ? error : failureOf(error)
  }
}

export function chooseFromAlbum(): Promise<string> {
  return choose(['album'])
}

/** WeChat's own camera screen, front camera: the fallback when the in-page camera cannot start. */
export function chooseFromCamera(): Promise<string> {
  return choose(['camera'])
}

/**
 * Takes a photo with the page's <camera>, NOT mirrored (`selfieMirror: false`): the preview is a mirror,
 * the stored photo shows the face as others see it.
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/camera/CameraContext.takePhoto.html
 */
export function takePhoto(): Promise<string> {
  return new Promise((resolve, reject) => {
    const option: Taro.CameraContext.TakePhotoOption & { selfieMirror: boolean } = {
      quality: 'high',
      selfieMirror: false,
      success: (res) => resolve(res.tempImagePath),
      fail: (error) => reject(failureOf(error)),
    }
    Taro.createCameraContext().takePhoto(option)
  })
}

/** People who refused the camera can allow it again here. https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/wx.openSetting.html */
export const canOpenSettings = true

export async function openPermissionSettings(): Promise<void> {
  await Taro.openSetting().catch(() => undefined)
}

/** https://developers.weixin.qq.com/miniprogram/dev/api/file/FileSystemManager.getFileInfo.html */
async function fileBytes(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath,
      success: (res) => resolve(res.size),
      fail: (error) => reject(failureOf(error)),
    })
  })
}

/**
 * Reads the size and orientation (https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.getImageInfo.html).
 * A JPEG that already fits UPLOAD_LIMITS goes up untouched, EXIF and all: the server turns it upright.
 * Anything else is re-encoded with wx.compressImage
 * (https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.compressImage.html), searching the quality.
 */
export async function preparePhoto(localPath: string): Promise<PreparedPhoto> {
  let info: Taro.getImageInfo.SuccessCallbackResult
  let bytes: number
  try {
    info = await Taro.getImageInfo({ src: localPath })
    bytes = await fileBytes(localPath)
  } catch (error) {
    throw new MediaError('unreadable', (error as WxFailure)?.errMsg)
  }
  const shown = orientedSize({ width: info.width, height: info.height }, exifOrientationOf(info.orientation))
  const fits = Math.max(shown.width, shown.height) <= UPLOAD_LIMITS.maxSide && bytes <= UPLOAD_LIMITS.maxBytes
  if (fits && info.type === 'jpeg') return { path: localPath, ...shown, bytes }
  try {
    const result = await encodeWithinBytes(shown, async (size, quality) => {
      const { tempFilePath } = await Taro.compressImage({ src: localPath, quality: Math.round(quality * 100), compressedWidth: compressedWidthFor(size) })
      return { path: tempFilePath, bytes: await fileBytes(tempFilePath) }
    })
    return { path: result.encoded.path, width: result.size.width, height: result.size.height, bytes: result.encoded.bytes }
  } catch (error) {
    throw error instanceof MediaError ? error : new MediaError('unreadable', (error as WxFailure)?.errMsg)
  }
}
