import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

/**
 * `npx tsx bench/eval/contact-portraits.ts`: a contact sheet of every crop in bench/eval/portraits.json, upright as
 * cut from its source (before the EXIF orientation the harness simulates), each captioned with its id, its
 * orientation and the checks expected to fail. Writes bench-results/eval-portraits.png, for a reviewer to see at a
 * glance that each crop holds one whole head with room above it.
 */
const root = path.resolve(__dirname, '..', '..')
const TILE_HEIGHT = 340
const TILE_WIDTH = 255
const CAPTION = 44
const COLUMNS = 6
const GAP = 8

interface Portrait {
  id: string
  source: string
  crop: { left: number; top: number; width: number; height: number }
  orientation: number
  expect: Record<string, 'pass' | 'fail'>
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function caption(p: Portrait): Buffer {
  const fails = Object.entries(p.expect)
    .filter(([, v]) => v === 'fail')
    .map(([k]) => k)
  const second = `orientation ${p.orientation}${fails.length ? ` · fails: ${fails.join(', ')}` : ''}`
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE_WIDTH}" height="${CAPTION}">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>` +
      `<text x="4" y="18" font-family="sans-serif" font-size="16" font-weight="bold" fill="#111">${escapeXml(p.id)}</text>` +
      `<text x="4" y="37" font-family="sans-serif" font-size="12" fill="${fails.length ? '#b00' : '#333'}">${escapeXml(second)}</text>` +
      `</svg>`,
  )
}

async function tile(p: Portrait): Promise<Buffer> {
  const file = path.join(root, 'node_modules', p.source)
  const photo = await sharp(file).extract(p.crop).resize(TILE_WIDTH, TILE_HEIGHT, { fit: 'contain', background: '#222' }).toBuffer()
  return sharp({ create: { width: TILE_WIDTH, height: TILE_HEIGHT + CAPTION, channels: 3, background: '#fff' } })
    .composite([
      { input: photo, left: 0, top: 0 },
      { input: caption(p), left: 0, top: TILE_HEIGHT },
    ])
    .png()
    .toBuffer()
}

async function main() {
  const portraits = JSON.parse(readFileSync(path.join(__dirname, 'portraits.json'), 'utf8')) as Portrait[]
  const tiles = await Promise.all(portraits.map(tile))
  const rows = Math.ceil(tiles.length / COLUMNS)
  const width = COLUMNS * TILE_WIDTH + (COLUMNS + 1) * GAP
  const height = rows * (TILE_HEIGHT + CAPTION) + (rows + 1) * GAP
  const out = path.join(root, 'bench-results', 'eval-portraits.png')
  mkdirSync(path.dirname(out), { recursive: true })
  await sharp({ create: { width, height, channels: 3, background: '#ccc' } })
    .composite(tiles.map((input, i) => ({ input, left: GAP + (i % COLUMNS) * (TILE_WIDTH + GAP), top: GAP + Math.floor(i / COLUMNS) * (TILE_HEIGHT + CAPTION + GAP) })))
    .png()
    .toFile(out)
  console.log(`${portraits.length} portraits → ${path.relative(root, out)} (${width}×${height})`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
