import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { fixture } from '../../test/support/photos'
import { compositeOnto, referenceMatte, rvmBackend, type MatteOptions } from './rvm'

/**
 * `npx tsx bench/eval/rvm-sheet.ts [passes@ratio…]`: RVM's reference matte (decision 019) on the four fixture
 * portraits, for looking at, not for scoring. Writes bench-results/eval-rvm.png, one row per portrait: the input, then
 * per setting (default: the module's own) the alpha as grey, the composite on a busy striped background and its top
 * (head and hair) near 1:1, where any of the old wall kept inside the person shows as a patch among saturated stripes.
 * With `--portraits` (and at most one setting) it draws the 22 eval crops of bench/eval/portraits.json instead, composite
 * and alpha side by side, to bench-results/eval-rvm-portraits.png.
 */
const root = path.resolve(__dirname, '../..')
const CELL_HEIGHT = 520
/** The head-and-hair crop shown near 1:1 beside each composite: the top 45 % of the frame. */
const HEAD_SHARE = 0.45

/** Saturated diagonal stripes under a checkerboard of light and shade: nothing like any fixture's wall. */
export function busyBackground(width: number, height: number): Buffer {
  const colours = [
    [230, 40, 120],
    [30, 180, 70],
    [250, 210, 20],
    [40, 90, 230],
    [20, 20, 20],
  ]
  const out = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const stripe = colours[Math.floor((x + y) / 14) % colours.length]
      const shade = (Math.floor(x / 40) + Math.floor(y / 40)) % 2 ? 1 : 0.7
      for (let c = 0; c < 3; c++) out[(y * width + x) * 3 + c] = Math.round(stripe[c] * shade)
    }
  }
  return out
}

const cell = (data: Buffer, width: number, height: number, channels: 1 | 3) =>
  sharp(data, { raw: { width, height, channels } }).resize({ height: CELL_HEIGHT }).png().toBuffer()

interface Portrait {
  id: string
  source: string
  crop: { left: number; top: number; width: number; height: number }
}

async function save(sheet: sharp.Sharp, sheetWidth: number, name: string): Promise<void> {
  const out = path.join(root, 'bench-results', name)
  mkdirSync(path.dirname(out), { recursive: true })
  const png = await sheet.png().toBuffer()
  await sharp(png).resize({ width: Math.min(1600, sheetWidth) }).png().toFile(out)
  console.log(`contact sheet → ${path.relative(root, out)}`)
}

/** The eval crops, each as its composite (captioned) and its alpha, eight tiles a row. */
async function portraitsSheet(setting: MatteOptions): Promise<void> {
  const portraits = JSON.parse(readFileSync(path.join(__dirname, 'portraits.json'), 'utf8')) as Portrait[]
  const tileHeight = 300
  const tileWidth = 225
  const columns = 8
  const tiles: Buffer[] = []
  for (const p of portraits) {
    const { data, info } = await sharp(path.join(root, 'node_modules', p.source)).extract(p.crop).removeAlpha().raw().toBuffer({ resolveWithObject: true })
    const { width, height } = info
    const started = Date.now()
    const { alpha, foreground } = await referenceMatte({ data, width, height }, setting)
    console.log(`${p.id} ${width}×${height}: ${Date.now() - started} ms`)
    const fit = { width: tileWidth, height: tileHeight, fit: 'contain' as const, background: '#808080' }
    const label = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="70" height="20"><rect width="100%" height="100%" fill="#fff"/>` +
        `<text x="3" y="15" font-size="14" font-family="sans-serif">${p.id}</text></svg>`,
    )
    const composite = compositeOnto(foreground, alpha, busyBackground(width, height), width, height)
    tiles.push(await sharp(composite, { raw: { width, height, channels: 3 } }).resize(fit).composite([{ input: label, left: 0, top: 0 }]).png().toBuffer())
    const grey = Buffer.from(Array.from(alpha, (a) => Math.round(a * 255)))
    tiles.push(await sharp(grey, { raw: { width, height, channels: 1 } }).toColourspace('srgb').resize(fit).png().toBuffer())
  }
  const sheetWidth = columns * (tileWidth + 4)
  const rows = Math.ceil(tiles.length / columns)
  const placed = tiles.map((input, i) => ({ input, left: (i % columns) * (tileWidth + 4), top: Math.floor(i / columns) * (tileHeight + 4) }))
  await save(sharp({ create: { width: sheetWidth, height: rows * (tileHeight + 4), channels: 3, background: '#404040' } }).composite(placed), sheetWidth, 'eval-rvm-portraits.png')
}

async function main(): Promise<void> {
  const portraits = process.argv.includes('--portraits')
  const settings: MatteOptions[] = process.argv.slice(2).filter((arg) => arg !== '--portraits').map((arg) => {
    const [passes, ratio] = arg.split('@').map(Number)
    return { passes, ratio: ratio || undefined }
  })
  if (!settings.length) settings.push({})
  if (portraits) return portraitsSheet(settings[0])
  const rows: Buffer[][] = []
  for (const n of [1, 2, 3, 4]) {
    const { data, info } = await sharp(fixture(n)).removeAlpha().raw().toBuffer({ resolveWithObject: true })
    const { width, height } = info
    const cells = [await cell(data, width, height, 3)]
    for (const setting of settings) {
      const started = Date.now()
      const { alpha, foreground } = await referenceMatte({ data, width, height }, setting)
      const ms = Date.now() - started
      let soft = 0
      let drift = 0
      let solid = 0
      for (let k = 0; k < alpha.length; k++) {
        if (alpha[k] > 0.05 && alpha[k] < 0.95) soft++
        if (alpha[k] >= 0.99) {
          solid++
          for (let c = 0; c < 3; c++) drift += Math.abs(foreground[k * 3 + c] - data[k * 3 + c]) / 3
        }
      }
      console.log(
        `face-${n} ${width}×${height} ${JSON.stringify(setting)}: ${ms} ms (${rvmBackend()}), soft ${((100 * soft) / alpha.length).toFixed(2)} %, ` +
          `person ${((100 * solid) / alpha.length).toFixed(1)} %, |fg − input| where α ≥ 0.99: ${(drift / Math.max(1, solid)).toFixed(2)}`,
      )
      const grey = Buffer.from(Array.from(alpha, (a) => Math.round(a * 255)))
      cells.push(await cell(grey, width, height, 1))
      const composite = compositeOnto(foreground, alpha, busyBackground(width, height), width, height)
      cells.push(await cell(composite, width, height, 3))
      const head = await sharp(composite, { raw: { width, height, channels: 3 } })
        .extract({ left: 0, top: 0, width, height: Math.round(height * HEAD_SHARE) })
        .toBuffer()
      cells.push(await cell(head, width, Math.round(height * HEAD_SHARE), 3))
    }
    rows.push(cells)
  }
  const widths = await Promise.all(rows.flat().map(async (b) => (await sharp(b).metadata()).width ?? 0))
  const perRow = rows[0].length
  const columnWidths = Array.from({ length: perRow }, (_, col) => Math.max(...rows.map((_, r) => widths[r * perRow + col])))
  const sheetWidth = columnWidths.reduce((a, b) => a + b + 8, 8)
  const composites = rows.flatMap((cells, r) =>
    cells.map((input, col) => ({ input, top: 8 + r * (CELL_HEIGHT + 8), left: 8 + columnWidths.slice(0, col).reduce((a, b) => a + b + 8, 0) })),
  )
  const sheet = sharp({ create: { width: sheetWidth, height: 8 + rows.length * (CELL_HEIGHT + 8), channels: 3, background: '#808080' } }).composite(composites)
  await save(sheet, sheetWidth, 'eval-rvm.png')
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
