import sharp from 'sharp'
import { AppError } from '../../../src/domain/errors'

/** Files over 10 MB are refused before anything is decoded. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
/** Images over 40 megapixels are refused from their header alone (decompression bombs). */
export const MAX_PHOTO_PIXELS = 40_000_000

const ACCEPTED = new Set(['jpeg', 'png', 'webp'])

/** A JPEG ends with the EOI marker (FF D9), possibly followed by a little padding. */
function jpegComplete(buf: Buffer): boolean {
  const tail = buf.subarray(Math.max(0, buf.length - 64))
  for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true
  return false
}

/** A PNG ends with its IEND chunk. */
function pngComplete(buf: Buffer): boolean {
  return buf.length >= 12 && buf.subarray(buf.length - 8, buf.length - 4).toString('latin1') === 'IEND'
}

/** A WebP's RIFF header states its own length. */
function webpComplete(buf: Buffer): boolean {
  return buf.length >= 12 && buf.readUInt32LE(4) + 8 <= buf.length
}

export interface Inspected {
  format: 'jpeg' | 'png' | 'webp'
  width: number
  height: number
  orientation?: number
}

/**
 * Checks an upload before decoding it: its size, its real format (from the bytes, not the name),
 * its completeness, and its declared pixel count. Each failure has its own code.
 */
export async function inspectPhoto(buf: Buffer): Promise<Inspected> {
  if (buf.length > MAX_PHOTO_BYTES) throw new AppError('PHOTO_TOO_LARGE')
  if (buf.length < 16) throw new AppError('PHOTO_NOT_IMAGE')
  let meta: sharp.Metadata
  try {
    meta = await sharp(buf, { limitInputPixels: false }).metadata()
  } catch {
    throw new AppError('PHOTO_NOT_IMAGE')
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) throw new AppError('PHOTO_NOT_IMAGE')
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) throw new AppError('PHOTO_TOO_MANY_PIXELS')
  const complete = meta.format === 'jpeg' ? jpegComplete(buf) : meta.format === 'png' ? pngComplete(buf) : webpComplete(buf)
  if (!complete) throw new AppError('PHOTO_TRUNCATED')
  return { format: meta.format as Inspected['format'], width: meta.width, height: meta.height, orientation: meta.orientation }
}
