import sharp from 'sharp'

/** What a saved ID photo or print sheet is, read from its bytes as a print shop's software reads it. */
export interface JpegFacts {
  width: number
  height: number
  /** Pixels per inch written in the JFIF header (APP0), or undefined when it has none or states no unit. */
  jfifDpi?: number
  /** Pixels per inch in the EXIF resolution tags (XResolution = YResolution, ResolutionUnit 2 = inch). */
  exifDpi?: number
  /** The density libvips reads (JFIF, overridden by EXIF resolution when present). */
  dpi?: number
  kb: number
}

/** The APP segments of a JPEG, up to the start of scan. */
function segments(bytes: Buffer): Array<{ marker: number; body: Buffer }> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG')
  const out: Array<{ marker: number; body: Buffer }> = []
  let at = 2
  while (at + 4 < bytes.length && bytes[at] === 0xff && bytes[at + 1] !== 0xda) {
    const length = bytes.readUInt16BE(at + 2)
    out.push({ marker: bytes[at + 1], body: bytes.subarray(at + 4, at + 2 + length) })
    at += 2 + length
  }
  return out
}

/** Reads XResolution, YResolution and ResolutionUnit from IFD0 of the EXIF segment (APP1 "Exif\0\0", then TIFF). */
export function exifDensity(bytes: Buffer): number | undefined {
  const app1 = segments(bytes).find((s) => s.marker === 0xe1 && s.body.toString('latin1', 0, 6) === 'Exif\0\0')
  if (!app1) return undefined
  const tiff = app1.body.subarray(6)
  const le = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o))
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o))
  const ifd = u32(4)
  const tags = new Map<number, number>()
  for (let i = 0; i < u16(ifd); i++) {
    const e = ifd + 2 + i * 12
    const tag = u16(e)
    const type = u16(e + 2)
    if (type === 3) tags.set(tag, u16(e + 8))
    else if (type === 5) {
      const off = u32(e + 8)
      tags.set(tag, u32(off) / u32(off + 4))
    }
  }
  const x = tags.get(0x011a)
  const y = tags.get(0x011b)
  const unit = tags.get(0x0128) ?? 2
  if (x === undefined || x !== y) return undefined
  return unit === 2 ? x : unit === 3 ? Math.round(x * 2.54) : undefined
}

/** Reads the JFIF APP0 segment: "JFIF\0", version (2 bytes), units (1 = dots per inch), X density, Y density. */
export function jfifDensity(bytes: Buffer): number | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG')
  let at = 2
  while (at + 4 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]
    const length = bytes.readUInt16BE(at + 2)
    if (marker === 0xe0 && bytes.toString('latin1', at + 4, at + 9) === 'JFIF\0') {
      const units = bytes[at + 11]
      const x = bytes.readUInt16BE(at + 12)
      const y = bytes.readUInt16BE(at + 14)
      if (units !== 1 || x !== y) return undefined
      return x
    }
    if (marker === 0xda) return undefined
    at += 2 + length
  }
  return undefined
}

export async function jpegFacts(bytes: Buffer): Promise<JpegFacts> {
  const meta = await sharp(bytes).metadata()
  if (meta.format !== 'jpeg') throw new Error(`not a JPEG: ${meta.format}`)
  return { width: meta.width ?? 0, height: meta.height ?? 0, jfifDpi: jfifDensity(bytes), exifDpi: exifDensity(bytes), dpi: meta.density, kb: bytes.length / 1024 }
}

/** Mean RGB of a rectangle of the image, rounded (stats() reads its input, so the crop is made first). */
export async function meanRgb(bytes: Buffer, r: { left: number; top: number; width: number; height: number }): Promise<number[]> {
  const crop = await sharp(bytes).extract(r).png().toBuffer()
  const stats = await sharp(crop).stats()
  return stats.channels.slice(0, 3).map((c) => Math.round(c.mean))
}
