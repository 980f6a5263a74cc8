import sharp from 'sharp'
import type { SheetLayout } from '../../../src/domain/photo/print-layout'

/** Light grey: visible to cut along, faint enough not to show once cut. */
const GUIDE_GREY = { r: 170, g: 170, b: 170 }
/** A print sheet is a photo for a printer: high quality, no chroma subsampling to blur the guides. */
const SHEET_QUALITY = 92

/**
 * Renders a print sheet: a white page at the layout's pixels and DPI, each copy the photo resized to its exact
 * pixels (cropped from the centre, keeping the top, where its proportions differ), and a one-pixel grey cut
 * guide around each. The JPEG's density says the DPI, so the sheet prints at true size.
 */
export async function renderPrintSheet(photo: Buffer, layout: SheetLayout): Promise<Buffer> {
  const sizes = [...new Map(layout.copies.map((c) => [`${c.width}x${c.height}`, c])).values()]
  const resized = new Map<string, Buffer>()
  for (const c of sizes) {
    resized.set(`${c.width}x${c.height}`, await sharp(photo).resize({ width: c.width, height: c.height, fit: 'cover', position: 'top' }).toBuffer())
  }
  const copies = layout.copies.map((c) => ({ input: resized.get(`${c.width}x${c.height}`)!, left: c.x, top: c.y }))
  const guides = layout.guides.map((g) => ({ input: { create: { width: g.width, height: g.height, channels: 3 as const, background: GUIDE_GREY } }, left: g.x, top: g.y }))
  return sharp({ create: { width: layout.width, height: layout.height, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .composite([...guides, ...copies])
    .jpeg({ quality: SHEET_QUALITY, chromaSubsampling: '4:4:4' })
    .withMetadata({ density: layout.dpi })
    .toBuffer()
}
