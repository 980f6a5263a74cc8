import { UPLOAD_LIMITS } from '@/domain/photo/photo.schema'
import {
  MIN_UPLOAD_SIDE,
  UPLOAD_QUALITIES,
  compressedWidthFor,
  encodeWithinBytes,
  exifOrientationOf,
  fitLongSide,
  orientedSize,
  type Size,
} from '@/domain/photo/upload-plan'

/** A stand-in JPEG encoder: bytes grow with the pixel count and the quality, as real files do. */
function fakeEncoder(bytesPerPixelAtBest: number) {
  const calls: Array<{ size: Size; quality: number }> = []
  const encode = async (size: Size, quality: number) => {
    calls.push({ size, quality })
    const bytes = Math.round(size.width * size.height * bytesPerPixelAtBest * (quality / UPLOAD_QUALITIES[0]) ** 2)
    return { bytes, label: `${size.width}x${size.height}@${quality}` }
  }
  return { encode, calls }
}

describe('photo preparation before upload', () => {
  it('turns the size of a photo taken on its side (EXIF 5–8), and leaves 1–4 alone', () => {
    expect(orientedSize({ width: 4032, height: 3024 }, 6)).toEqual({ width: 3024, height: 4032 })
    expect(orientedSize({ width: 4032, height: 3024 }, 8)).toEqual({ width: 3024, height: 4032 })
    expect(orientedSize({ width: 4032, height: 3024 }, 3)).toEqual({ width: 4032, height: 3024 })
    expect(orientedSize({ width: 4032, height: 3024 })).toEqual({ width: 4032, height: 3024 })
  })

  it("reads WeChat's orientation names as EXIF values, and treats a missing one as upright", () => {
    expect(exifOrientationOf('right')).toBe(6)
    expect(exifOrientationOf('left')).toBe(8)
    expect(exifOrientationOf('up-mirrored')).toBe(2)
    expect(exifOrientationOf(undefined)).toBe(1)
    expect(exifOrientationOf('sideways')).toBe(1)
  })

  it('downscales the longer side to the upload limit, keeps the aspect, and never upscales', () => {
    expect(UPLOAD_LIMITS.maxSide).toBe(1600)
    expect(fitLongSide({ width: 3024, height: 4032 })).toEqual({ width: 1200, height: 1600 })
    expect(fitLongSide({ width: 4000, height: 3000 })).toEqual({ width: 1600, height: 1200 })
    expect(fitLongSide({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 })
  })

  it('asks wx.compressImage for the shorter target side, so the long side fits whichever axis it calls the width', () => {
    expect(compressedWidthFor({ width: 4032, height: 3024 })).toBe(1200)
    expect(compressedWidthFor({ width: 3024, height: 4032 })).toBe(1200)
    expect(compressedWidthFor({ width: 640, height: 480 })).toBe(480)
  })

  it('keeps at least twice the longest spec side (756 px) when it must shrink for bytes', () => {
    expect(MIN_UPLOAD_SIDE).toBe(1512)
  })

  it('keeps the best quality when it already fits, with one encode', async () => {
    const { encode, calls } = fakeEncoder(0.15)
    const result = await encodeWithinBytes({ width: 3024, height: 4032 }, encode)
    expect(result).toMatchObject({ quality: 0.92, size: { width: 1200, height: 1600 }, attempts: 1, fits: true })
    expect(calls).toHaveLength(1)
  })

  it('finds the highest quality under 600 KB by binary search, in at most four encodes', async () => {
    const { encode, calls } = fakeEncoder(0.45)
    const result = await encodeWithinBytes({ width: 3024, height: 4032 }, encode)
    expect(result.fits).toBe(true)
    expect(result.encoded.bytes).toBeLessThanOrEqual(UPLOAD_LIMITS.maxBytes)
    const index = UPLOAD_QUALITIES.indexOf(result.quality as (typeof UPLOAD_QUALITIES)[number])
    const better = await encode(result.size, UPLOAD_QUALITIES[index - 1])
    expect(better.bytes).toBeGreaterThan(UPLOAD_LIMITS.maxBytes)
    expect(result.attempts).toBeLessThanOrEqual(4)
    expect(calls.slice(0, result.attempts).every((c) => c.size.width === 1200 && c.size.height === 1600)).toBe(true)
  })

  it('shrinks the picture when even the lowest quality is too big, but not below the minimum side', async () => {
    const { encode } = fakeEncoder(1.6)
    const result = await encodeWithinBytes({ width: 3024, height: 4032 }, encode, { maxBytes: 600 * 1024, minSide: 1512 })
    expect(Math.max(result.size.width, result.size.height)).toBeGreaterThanOrEqual(1512)
    expect(Math.max(result.size.width, result.size.height)).toBeLessThan(1600)
    expect(result.fits).toBe(result.encoded.bytes <= 600 * 1024)
  })

  it('reports a photo that cannot fit instead of shrinking forever', async () => {
    const { encode } = fakeEncoder(50)
    const result = await encodeWithinBytes({ width: 1000, height: 800 }, encode, { maxBytes: 1000 })
    expect(result.fits).toBe(false)
    expect(result.size).toEqual({ width: 1000, height: 800 })
    expect(result.quality).toBe(0.5)
  })
})
