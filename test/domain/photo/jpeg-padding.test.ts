import sharp from 'sharp'
import * as jpegJs from 'jpeg-js'
import { PADDING_NOTE, PAD_MARGIN_BYTES, padJpegWithComments, paddingTarget } from '@/domain/photo/jpeg-padding'
import { jpegFacts } from '../../support/jpeg-file'

/** A small light-blue JPEG with a dark square, 144×192 at 111 DPI (英语四六级's pixels), about 1–2 KB. */
async function smallJpeg(): Promise<Buffer> {
  const square = await sharp({ create: { width: 60, height: 80, channels: 3, background: { r: 40, g: 30, b: 20 } } }).png().toBuffer()
  return sharp({ create: { width: 144, height: 192, channels: 3, background: { r: 200, g: 225, b: 245 } } })
    .composite([{ input: square, left: 42, top: 60 }])
    .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
    .withMetadata({ density: 111 })
    .toBuffer()
}

/** The marker bytes of every segment before the scan. */
function markers(bytes: Uint8Array): number[] {
  const out: number[] = []
  let at = 2
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    out.push(bytes[at + 1])
    if (bytes[at + 1] === 0xda) break
    at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3])
  }
  return out
}

describe('padding a JPEG to a file-size minimum with comment segments (decision 016)', () => {
  it('reaches the target within 3 bytes and leaves pixels, DPI and the decoded image exactly as they were, for libvips and a pure-JS decoder', async () => {
    const jpeg = await smallJpeg()
    const target = 30 * 1024 + PAD_MARGIN_BYTES
    const padded = Buffer.from(padJpegWithComments(jpeg, target))
    expect(padded.length).toBeGreaterThanOrEqual(target)
    expect(padded.length).toBeLessThanOrEqual(target + 3)

    const before = await jpegFacts(jpeg)
    const after = await jpegFacts(padded)
    expect([after.width, after.height, after.exifDpi, after.jfifDpi, after.dpi]).toEqual([before.width, before.height, before.exifDpi, before.jfifDpi, before.dpi])
    expect(await sharp(padded).raw().toBuffer()).toEqual(await sharp(jpeg).raw().toBuffer())

    const js = jpegJs.decode(padded)
    expect([js.width, js.height]).toEqual([144, 192])
    expect(Buffer.from(js.data)).toEqual(Buffer.from(jpegJs.decode(jpeg).data))
  })

  it('keeps the APP segments first and in their order (EXIF with the DPI), and puts the comment, which says why it is there, before the tables; the scan is byte for byte the same', async () => {
    const jpeg = await smallJpeg()
    const padded = padJpegWithComments(jpeg, 20_000)
    const m = markers(padded)
    const firstCom = m.indexOf(0xfe)
    expect(m.slice(0, firstCom)).toEqual(markers(jpeg).filter((x) => x >= 0xe0 && x <= 0xef))
    expect(m[0]).toBe(0xe1)
    expect(m.slice(firstCom + 1).includes(0xdb)).toBe(true)
    expect(Buffer.from(padded).includes(Buffer.from(PADDING_NOTE, 'latin1'))).toBe(true)
    const tail = jpeg.subarray(jpeg.length - 500)
    expect(Buffer.from(padded).subarray(padded.length - 500)).toEqual(tail)
  })

  it('splits more than 64 KB of padding into several segments, each at most 65535 bytes long', async () => {
    const jpeg = await smallJpeg()
    const padded = padJpegWithComments(jpeg, 200_000)
    expect(padded.length).toBeGreaterThanOrEqual(200_000)
    expect(padded.length).toBeLessThanOrEqual(200_003)
    expect(markers(padded).filter((x) => x === 0xfe).length).toBe(Math.ceil((200_000 - jpeg.length) / 65537))
    expect((await sharp(Buffer.from(padded)).metadata()).width).toBe(144)
  })

  it('leaves a file that already reaches the target alone, and refuses what is not a JPEG', async () => {
    const jpeg = await smallJpeg()
    expect(padJpegWithComments(jpeg, 100)).toBe(jpeg)
    expect(() => padJpegWithComments(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 1000)).toThrow('not a JPEG')
  })

  it('aims 1 KB past the minimum, never past the maximum', () => {
    expect(paddingTarget({ min: 30, max: 40 })).toBe(30 * 1024 + 1024)
    expect(paddingTarget({ min: 30, max: 30.5 })).toBe(30.5 * 1024)
  })
})
