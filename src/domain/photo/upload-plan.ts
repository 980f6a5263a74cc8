import { UPLOAD_LIMITS } from './photo.schema'
import { PHOTO_SPECS } from './specs'

/**
 * The arithmetic of preparing a photo on the phone before upload: orientation, downscaling and the
 * JPEG quality search. Platform code does the decoding and encoding; the decisions live here.
 */
export interface Size {
  width: number
  height: number
}

/** EXIF orientation tag values (1–8); 5–8 are turned by 90°, so the picture people see is the stored one on its side. */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8

/** The size of the picture as displayed: EXIF orientations 5–8 swap width and height. */
export function orientedSize(stored: Size, orientation: ExifOrientation = 1): Size {
  return orientation >= 5 ? { width: stored.height, height: stored.width } : { width: stored.width, height: stored.height }
}

/** WeChat's `getImageInfo` names the orientation instead of numbering it (wx.getImageInfo, res.orientation). */
const WECHAT_ORIENTATION: Record<string, ExifOrientation> = {
  up: 1,
  'up-mirrored': 2,
  down: 3,
  'down-mirrored': 4,
  'left-mirrored': 5,
  right: 6,
  'right-mirrored': 7,
  left: 8,
}

export function exifOrientationOf(name: string | undefined): ExifOrientation {
  return (name && WECHAT_ORIENTATION[name]) || 1
}

/** Scales a size down so that its longer side is at most `maxSide`, keeping the aspect; never scales up. */
export function fitLongSide(size: Size, maxSide: number = UPLOAD_LIMITS.maxSide): Size {
  const long = Math.max(size.width, size.height)
  if (long <= maxSide) return { width: Math.round(size.width), height: Math.round(size.height) }
  const scale = maxSide / long
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) }
}

/**
 * The width to ask `wx.compressImage` for. WeChat reports the stored size ("不考虑旋转") and does not say
 * whether compressedWidth means the stored or the displayed width, so we ask for the shorter side of the
 * target: whichever axis WeChat takes as the width, the longer side then stays within `maxSide`.
 */
export function compressedWidthFor(stored: Size, maxSide: number = UPLOAD_LIMITS.maxSide): number {
  const target = fitLongSide(stored, maxSide)
  return Math.min(target.width, target.height)
}

/** JPEG qualities tried for the upload, best first. 0.5 still keeps a face sharp enough for the detector. */
export const UPLOAD_QUALITIES = [0.92, 0.86, 0.8, 0.72, 0.64, 0.56, 0.5] as const

/**
 * The client downsizes before upload but keeps at least twice the target resolution (docs/photo-specs.md, the pipeline):
 * twice the longest side of any spec (756 px for 电子驾驶证), so the server still has pixels to crop from.
 */
export const MIN_UPLOAD_SIDE = 2 * Math.max(...PHOTO_SPECS.map((s) => Math.max(s.pixels.width, s.pixels.height)))

export interface Encoded {
  bytes: number
}

export interface FitResult<T extends Encoded> {
  encoded: T
  size: Size
  quality: number
  /** How many times the encoder ran. */
  attempts: number
  /** False only when even the smallest size at the lowest quality stays over the byte limit. */
  fits: boolean
}

export interface FitLimits {
  maxBytes: number
  maxSide: number
  minSide: number
}

const DEFAULT_LIMITS: FitLimits = { maxBytes: UPLOAD_LIMITS.maxBytes, maxSide: UPLOAD_LIMITS.maxSide, minSide: MIN_UPLOAD_SIDE }

/**
 * Encodes at the highest quality whose file fits `maxBytes`: the best quality first (it usually fits),
 * then a binary search over the rest, since the file shrinks as the quality drops. When even the lowest
 * quality is too big, the picture shrinks by the byte overshoot and the search starts again, down to `minSide`.
 */
export async function encodeWithinBytes<T extends Encoded>(
  source: Size,
  encode: (size: Size, quality: number) => Promise<T>,
  limits: Partial<FitLimits> = {},
): Promise<FitResult<T>> {
  const { maxBytes, maxSide, minSide } = { ...DEFAULT_LIMITS, ...limits }
  let size = fitLongSide(source, maxSide)
  let attempts = 0
  const run = async (quality: number) => {
    attempts++
    return encode(size, quality)
  }
  for (;;) {
    const best = await run(UPLOAD_QUALITIES[0])
    if (best.bytes <= maxBytes) return { encoded: best, size, quality: UPLOAD_QUALITIES[0], attempts, fits: true }
    let lo = 1
    let hi = UPLOAD_QUALITIES.length - 1
    let found: { encoded: T; quality: number } | undefined
    let smallest = best
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const quality = UPLOAD_QUALITIES[mid]
      const encoded = await run(quality)
      if (encoded.bytes <= maxBytes) {
        found = { encoded, quality }
        hi = mid - 1
      } else {
        smallest = encoded
        lo = mid + 1
      }
    }
    if (found) return { ...found, size, attempts, fits: true }
    const long = Math.max(size.width, size.height)
    const floor = Math.min(minSide, Math.max(source.width, source.height))
    if (long <= floor) return { encoded: smallest, size, quality: UPLOAD_QUALITIES[UPLOAD_QUALITIES.length - 1], attempts, fits: false }
    const shrink = Math.sqrt(maxBytes / smallest.bytes) * 0.95
    size = fitLongSide(size, Math.max(floor, Math.floor(long * Math.min(shrink, 0.9))))
  }
}
