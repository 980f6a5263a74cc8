import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { boxMean } from '../cloudfunctions/_shared/photo/matting'
import { normalizePhoto, type PipelineOptions } from '../cloudfunctions/_shared/photo/pipeline'
import { BACKGROUND_SHADES } from '../src/domain/photo/backgrounds'
import { dilate } from '../src/domain/photo/residue'
import { specById } from '../src/domain/photo/specs'
import type { SpecShape } from '../src/domain/photo/spec.types'
import { fixture } from '../test/support/photos'

/**
 * `npm run bench:photo:matting`: the old composite (256-px mask upscaled, smoothstep) against the guided-filter
 * matte (decision 018), on the four real fixture portraits, on white and on blue. Prints per photo the background
 * check's residue (largest patch, total) and the edge band's wall share, and writes a contact sheet of inputs and
 * outputs to bench-results/photo-matting.png. No assertion: a measurement.
 */
const root = path.resolve(__dirname, '..')
const BAND = 3
const WALL_TOLERANCE = 20

/**
 * The halo measure: of the pixels within BAND px either side of the segmentation's outline, the share whose output
 * colour is still the old wall's (within WALL_TOLERANCE of the photo's local background colour) and not the new one.
 */
function wallInBand(out: Uint8Array, source: Uint8Array, person: Float32Array, width: number, height: number, rgb: readonly number[]): number {
  const n = width * height
  const inside = new Uint8Array(n)
  const outside = new Uint8Array(n)
  for (let k = 0; k < n; k++) (person[k] >= 0.5 ? inside : outside)[k] = 1
  const a = dilate(inside, width, height, BAND)
  const b = dilate(outside, width, height, BAND)
  const w = new Float32Array(n)
  for (let k = 0; k < n; k++) w[k] = person[k] < 0.2 ? 1 : 0
  const mw = boxMean(w, width, height, 15)
  const bg = [0, 1, 2].map((c) => {
    const ch = new Float32Array(n)
    for (let k = 0; k < n; k++) ch[k] = w[k] * source[k * 3 + c]
    return boxMean(ch, width, height, 15)
  })
  let band = 0
  let wall = 0
  for (let k = 0; k < n; k++) {
    if (!(a[k] && b[k]) || mw[k] < 0.05) continue
    band++
    let nearWall = true
    let nearSpec = true
    for (let c = 0; c < 3; c++) {
      if (Math.abs(out[k * 3 + c] - bg[c][k] / mw[k]) > WALL_TOLERANCE) nearWall = false
      if (Math.abs(out[k * 3 + c] - rgb[c]) > WALL_TOLERANCE) nearSpec = false
    }
    if (nearWall && !nearSpec) wall++
  }
  return band ? wall / band : 0
}

async function main(): Promise<void> {
  const base = specById('ssc-national')!
  const specs: Array<[string, SpecShape]> = [
    ['白色', base],
    ['蓝色', { ...base, background: { ...base.background, name: '蓝色', rgb: BACKGROUND_SHADES['蓝色'] } }],
  ]
  const rows: string[] = []
  const tiles: Array<{ input: Buffer; left: number; top: number }> = []
  const W = base.pixels.width
  const H = base.pixels.height
  const totals: Record<string, { patch: number; band: number; n: number; fails: number }> = {}
  let row = 0
  for (const n of [1, 2, 3, 4]) {
    const input = fixture(n)
    tiles.push({ input: await sharp(input).resize(W, H, { fit: 'contain', background: '#444' }).png().toBuffer(), left: 0, top: row * H })
    let col = 1
    for (const [colour, spec] of specs) {
      for (const matting of ['mask', 'guided'] as const satisfies ReadonlyArray<PipelineOptions['matting']>) {
        const t = process.hrtime.bigint()
        const res = await normalizePhoto(input, spec, { debug: true, matting })
        const ms = Number(process.hrtime.bigint() - t) / 1e6
        const d = res.debug!
        const band = wallInBand(d.img.data, d.source, d.person, d.img.width, d.img.height, spec.background.rgb)
        const bg = res.checks.find((c) => c.id === 'background')!
        const key = `${matting} ${colour}`
        const sum = (totals[key] ??= { patch: 0, band: 0, n: 0, fails: 0 })
        sum.patch += d.residue.largestArea
        sum.band += band
        sum.n++
        if (!bg.passed) sum.fails++
        rows.push([`face-${n}`, colour, matting.padEnd(6), String(d.residue.largestArea).padStart(6), String(d.residue.residuePixels).padStart(6), `${(band * 100).toFixed(1)}%`.padStart(7), d.residue.edgeUnevenness.toFixed(2).padStart(6), (bg.passed ? 'pass' : 'FAIL').padStart(5), ms.toFixed(0).padStart(6)].join('  '))
        tiles.push({ input: await sharp(d.img.data, { raw: { width: d.img.width, height: d.img.height, channels: 3 } }).png().toBuffer(), left: col * W, top: row * H })
        col++
      }
    }
    row++
  }
  console.log('bench:photo:matting — ssc-national (358×441) from the four fixture portraits; columns: largest residue patch (px), residue px, wall share of the ±3 px edge band, outline unevenness (px), background check, ms')
  console.log(['photo ', 'bg', 'matte ', ' patch', 'resid.', '   band', ' uneven', 'check', '    ms'].join('  '))
  for (const r of rows) console.log(r)
  console.log('')
  for (const [k, v] of Object.entries(totals)) console.log(`${k.padEnd(12)} mean largest patch ${(v.patch / v.n).toFixed(0)} px · mean edge-band wall share ${((v.band / v.n) * 100).toFixed(1)}% · background check failed ${v.fails}/${v.n}`)
  const out = path.join(root, 'bench-results')
  mkdirSync(out, { recursive: true })
  await sharp({ create: { width: W * 5, height: H * 4, channels: 3, background: '#444' } }).composite(tiles).png().toFile(path.join(out, 'photo-matting.png'))
  writeFileSync(path.join(out, 'photo-matting.json'), JSON.stringify({ at: new Date().toISOString(), rows, totals }, null, 2))
  console.log(`\ncontact sheet: bench-results/photo-matting.png (input, old on white, new on white, old on blue, new on blue)`)
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
