import { encodeWithinBytes } from '@/domain/photo/upload-plan'
import { MediaError, type PreparedPhoto } from './media.types'

export { MediaError, type MediaFailure, type PreparedPhoto } from './media.types'

/**
 * H5 build: photos come from a file input, or from the camera stream drawn onto a canvas.
 * Local paths are object URLs, which `uploadFile` in cloud.h5.ts reads back with fetch.
 */

/** A browser has no app settings page to send people to: the message explains the address-bar permission instead. */
export const canOpenSettings = false

export async function openPermissionSettings(): Promise<void> {}

/**
 * Opens the browser's file picker. https://developer.mozilla.org/docs/Web/HTML/Element/input/file
 * `capture="user"` asks phones for the front camera (https://developer.mozilla.org/docs/Web/HTML/Attributes/capture).
 * Must be called from a tap, before any await, or the browser blocks the picker.
 */
function pickImage(capture?: 'user'): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    if (capture) input.setAttribute('capture', capture)
    input.style.position = 'fixed'
    input.style.left = '-10000px'
    input.setAttribute('data-testid', capture ? 'camera-file-input' : 'album-file-input')
    document.body.appendChild(input)
    const finish = () => input.remove()
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0]
        finish()
        if (file) resolve(URL.createObjectURL(file))
        else reject(new MediaError('cancelled'))
      },
      { once: true },
    )
    input.addEventListener(
      'cancel',
      () => {
        finish()
        reject(new MediaError('cancelled'))
      },
      { once: true },
    )
    input.click()
  })
}

export function chooseFromAlbum(): Promise<string> {
  return pickImage()
}

/** The phone's own camera app, for browsers where getUserMedia is missing or refused. */
export function chooseFromCamera(): Promise<string> {
  return pickImage('user')
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new MediaError('unreadable', 'toBlob'))), 'image/jpeg', quality)
  })
}

/**
 * Draws the current frame of the front-camera stream, NOT mirrored: the preview is shown mirrored
 * (people expect a mirror), but the stored photo must show the face as others see it.
 * https://developer.mozilla.org/docs/Web/API/CanvasRenderingContext2D/drawImage
 */
export async function captureFrame(video: HTMLVideoElement): Promise<string> {
  const { videoWidth: width, videoHeight: height } = video
  if (!width || !height) throw new MediaError('unavailable', 'no frame yet')
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new MediaError('unavailable', 'no 2d context')
  ctx.drawImage(video, 0, 0, width, height)
  return URL.createObjectURL(await toJpeg(canvas, 0.95))
}

/**
 * Decodes with the EXIF orientation applied (https://developer.mozilla.org/docs/Web/API/createImageBitmap,
 * `imageOrientation: 'from-image'`), downsizes to UPLOAD_LIMITS and searches the JPEG quality with
 * canvas.toBlob (https://developer.mozilla.org/docs/Web/API/HTMLCanvasElement/toBlob). The result is upright
 * and carries no EXIF, so nothing downstream can turn it again.
 */
export async function preparePhoto(localPath: string): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap
  try {
    const blob = await (await fetch(localPath)).blob()
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
  } catch (error) {
    throw new MediaError('unreadable', error instanceof Error ? error.message : undefined)
  }
  try {
    const canvas = document.createElement('canvas')
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new MediaError('unreadable', 'no 2d context')
    const result = await encodeWithinBytes({ width: bitmap.width, height: bitmap.height }, async (size, quality) => {
      canvas.width = size.width
      canvas.height = size.height
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(0, 0, size.width, size.height)
      ctx.imageSmoothingQuality = 'high'
      ctx.drawImage(bitmap, 0, 0, size.width, size.height)
      const blob = await toJpeg(canvas, quality)
      return { bytes: blob.size, blob }
    })
    return { path: URL.createObjectURL(result.encoded.blob), width: result.size.width, height: result.size.height, bytes: result.encoded.bytes }
  } finally {
    bitmap.close()
  }
}
