import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { normalizePhoto, type PipelineOptions, type PipelineResult } from '../cloudfunctions/_shared/photo/pipeline'
import type { CheckId } from '../src/domain/photo/checks'
import { specById } from '../src/domain/photo/specs'
import { dilate, RESIDUE_LIMITS } from '../src/domain/photo/residue'
import { alphaBytes, alphaError, alphaOf, mainPerson, REFERENCE_BACKGROUND, REFERENCE_MARGIN, replayGeometry, residueAgainst, type ReferenceResidue } from './eval/measure'
import { compositeOnto as compositeImages, referenceMatte, rvmBackend } from './eval/rvm'

/**
 * `npm run eval:photo` (issue #18): the photo pipeline on the labelled real portraits of bench/eval/portraits.json,
 * old matte (`mask`) and new (`guided`, decision 018) side by side in the same run.
 *
 * For each portrait:
 * - **as photographed**: its crop, turned to its EXIF orientation as a phone stores it. Residue is judged against the
 *   reference matte's background (RVM, decision 019), each check's verdict against the label, and the time taken;
 * - **composited**: the same person (RVM's foreground and alpha) laid onto a busy background cut from another photo.
 *   That alpha is the composite's exact ground truth, so the output's alpha error (SAD, MSE) is measured against it.
 *
 * Prints a table per photo and the totals; writes eval-photo.json and the contact sheet eval-photo.png to bench-results/
 * (or EVAL_OUT), and with EVAL_DEBUG a sheet per run. EVAL_ONLY=id,… runs some portraits, EVAL_MATTES=guided one matte.
 * A measurement, not a test: it asserts nothing and exits 0 unless it cannot run.
 */
const root = path.resolve(__dirname, '..')
const SPEC_ID = 'ssc-shenzhen'
type Matte = NonNullable<PipelineOptions['matting']>
/** The mattes compared, old first: EVAL_MATTES=guided runs one. */
const MATTES = (process.env.EVAL_MATTES?.split(',') ?? ['mask', 'guided']) as Matte[]

interface Entry {
  id: string
  source: string
  crop: { left: number; top: number; width: number; height: number }
  orientation: 1 | 3 | 6 | 8
  labels: Record<string, string | boolean>
  expect: Partial<Record<CheckId, 'pass' | 'fail'>>
  note?: string
}

/** Busy walls with no one in them, cut from the same packaged photos (looked at: a door and windows, posters in a dark room, a stair railing, a purple wall and door). */
const BACKGROUNDS = [
  { name: '门窗', source: '@vladmandic/face-api/demo/sample3.jpg', rect: { left: 0, top: 0, width: 560, height: 420 } },
  { name: '海报', source: '@vladmandic/face-api/demo/sample1.jpg', rect: { left: 0, top: 0, width: 500, height: 330 } },
  { name: '楼梯', source: '@vladmandic/face-api/demo/sample5.jpg', rect: { left: 0, top: 0, width: 400, height: 600 } },
  { name: '紫墙', source: '@vladmandic/face-api/demo/sample4.jpg', rect: { left: 1620, top: 0, width: 300, height: 500 } },
] as const

const pkgFile = (source: string) => path.join(root, 'node_modules', source)

/** Stores upright pixels the way a phone does for `orientation`: turned, with the EXIF tag that turns them back. */
function asPhone(upright: sharp.Sharp, orientation: Entry['orientation']): Promise<Buffer> {
  const turn = { 1: 0, 3: 180, 6: -90, 8: 90 }[orientation]
  return (turn ? upright.rotate(turn) : upright).withMetadata({ orientation }).jpeg({ quality: 92 }).toBuffer()
}

interface Run {
  result: PipelineResult
  ms: number
  residue?: ReferenceResidue
  error?: { sad: number; mse: number }
}

async function run(id: string, input: Buffer, spec: NonNullable<ReturnType<typeof specById>>, matting: Matte, reference: Float32Array, width: number, height: number, truth: boolean): Promise<Run> {
  const started = process.hrtime.bigint()
  const result = await normalizePhoto(input, spec, { debug: true, matting })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const d = result.debug
  if (!d) return { result, ms }
  const out = { width: d.img.width, height: d.img.height }
  const ref = alphaOf(await replayGeometry(alphaBytes(reference), width, height, 1, d.geometry, out))
  if (process.env.EVAL_DEBUG) await debugSheet(`${process.env.EVAL_DEBUG}-${id}-${matting}${truth ? '-composite' : ''}.png`, d.source, ref, d.alpha, d.img.data, out, spec.background.rgb)
  return {
    result,
    ms,
    residue: residueAgainst(d.img.data, out.width, out.height, ref, spec.background.rgb),
    ...(truth ? { error: alphaError(d.alpha, ref) } : {}),
  }
}

/** EVAL_DEBUG=/tmp/name writes, per run: the frame before compositing, the reference alpha, the pipeline's alpha, the output, its residue in red. */
async function debugSheet(file: string, source: Buffer, ref: Float32Array, alpha: Float32Array, output: Buffer, size: { width: number; height: number }, spec: readonly number[]): Promise<void> {
  const { width: w, height: h } = size
  const grey = (a: Float32Array) => sharp(alphaBytes(a), { raw: { width: w, height: h, channels: 1 } }).toColourspace('srgb').png().toBuffer()
  const rgb = (b: Buffer) => sharp(b, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer()
  // The residue as residueAgainst counts it, painted red on the output.
  const near = dilate(Uint8Array.from(ref, (a) => (a >= REFERENCE_BACKGROUND ? 1 : 0)), w, h, REFERENCE_MARGIN)
  const marked = Buffer.from(output)
  for (let k = 0; k < w * h; k++) {
    const off = [0, 1, 2].some((c) => Math.abs(output[k * 3 + c] - spec[c]) > RESIDUE_LIMITS.tolerance)
    if (!near[k] && off) marked.set([255, 0, 0], k * 3)
  }
  const tiles = [await rgb(source), await grey(ref), await grey(alpha), await rgb(output), await rgb(marked)]
  await sharp({ create: { width: 5 * w, height: h, channels: 3, background: '#444' } })
    .composite(tiles.map((input, i) => ({ input, left: i * w, top: 0 })))
    .png()
    .toFile(file)
}

type Verdict = 'pass' | 'fail' | 'not reached'

/** A check's verdict: checks reported only when they fire (the obstruction hints) pass when the photo got that far. */
function verdictOf(result: PipelineResult, id: CheckId): Verdict {
  const check = result.checks.find((c) => c.id === id)
  if (check) return check.passed ? 'pass' : 'fail'
  return result.output ? 'pass' : 'not reached'
}

const tile = (buf: Buffer, w: number, h: number, raw?: { width: number; height: number; channels: 1 | 3 }) =>
  sharp(buf, raw ? { raw } : undefined).resize(w, h, { fit: 'contain', background: '#444' }).removeAlpha().png().toBuffer()

async function main(): Promise<void> {
  const spec = specById(SPEC_ID)
  if (!spec) throw new Error(`no spec ${SPEC_ID}`)
  const only = process.env.EVAL_ONLY?.split(',')
  const all = JSON.parse(readFileSync(path.join(__dirname, 'eval', 'portraits.json'), 'utf8')) as Entry[]
  const entries = all.filter((e) => !only || only.includes(e.id))
  const W = Math.round(spec.pixels.width / 2)
  const H = Math.round(spec.pixels.height / 2)
  const walls = await Promise.all(BACKGROUNDS.map(async (b) => ({ ...b, img: sharp(pkgFile(b.source)).extract(b.rect) })))
  const rows: Array<Record<string, unknown>> = []
  const tiles: sharp.OverlayOptions[] = []
  const agree = Object.fromEntries(MATTES.map((m) => [m, { same: 0, total: 0 }])) as Record<Matte, { same: number; total: number }>
  const blank = () => ({ sad: [] as number[], mse: [] as number[], visibleReal: [] as string[], visibleComposite: [] as string[], offeredReal: 0, offeredComposite: 0, visibleOffered: [] as string[], ms: [] as number[] })
  const sums = Object.fromEntries(MATTES.map((m) => [m, blank()])) as Record<Matte, ReturnType<typeof blank>>
  const perCheck: Record<string, { same: number; total: number }> = {}
  const disagreements: string[] = []
  console.log(`eval:photo — ${entries.length} real portraits (bench/eval/portraits.json) for ${spec.title} (${spec.pixels.width}×${spec.pixels.height}, ${spec.background.name})`)
  console.log('photo        bg    matte   as photographed: residue px (largest) visible  checks agree  ms  |  composited: SAD  MSE×1e3  residue (largest) visible')
  for (const [i, entry] of entries.entries()) {
    const crop = await sharp(pkgFile(entry.source)).extract(entry.crop).removeAlpha().raw().toBuffer({ resolveWithObject: true })
    const { width, height } = crop.info
    const raw = { width, height, channels: 3 as const }
    const matted = await referenceMatte({ data: crop.data, width, height })
    // The crops are centred on the face, a little above the middle: the person there is the main one.
    const reference = { ...matted, alpha: mainPerson(matted.alpha, width, height, { x: width / 2, y: 0.35 * height }) }
    const wall = walls[all.indexOf(entry) % walls.length]
    const wallPixels = await wall.img.clone().resize(width, height, { fit: 'cover' }).removeAlpha().raw().toBuffer()
    const composite = compositeImages(reference.foreground, reference.alpha, wallPixels, width, height)
    const photo = await asPhone(sharp(crop.data, { raw }), entry.orientation)
    const made = await asPhone(sharp(composite, { raw }), entry.orientation)
    const row: Record<string, unknown> = { id: entry.id, orientation: entry.orientation, wall: wall.name }
    const outTiles: Buffer[] = []
    for (const matting of MATTES) {
      const real = await run(entry.id, photo, spec, matting, reference.alpha, width, height, false)
      const comp = await run(entry.id, made, spec, matting, reference.alpha, width, height, true)
      const s = sums[matting]
      s.ms.push(real.ms)
      // Offered: the pipeline let the photo through (no blocking failure), so a reviewer would see it.
      for (const [r, kind] of [[real, 'photographed'], [comp, 'composited']] as const) {
        const offered = !!r.result.output && !r.result.blocked
        if (offered) s[kind === 'photographed' ? 'offeredReal' : 'offeredComposite']++
        if (!r.residue?.visible) continue
        ;(kind === 'photographed' ? s.visibleReal : s.visibleComposite).push(entry.id)
        if (offered) s.visibleOffered.push(`${entry.id} ${kind}`)
      }
      if (comp.error) {
        s.sad.push(comp.error.sad)
        s.mse.push(comp.error.mse)
      }
      let same = 0
      const checks = Object.entries(entry.expect) as Array<[CheckId, 'pass' | 'fail']>
      const verdicts: Record<string, Verdict> = {}
      for (const [id, want] of checks) {
        const got = verdictOf(real.result, id)
        verdicts[id] = got
        if (matting === 'guided') {
          const c = (perCheck[id] ??= { same: 0, total: 0 })
          c.total++
          if (got === want) c.same++
        }
        if (got === want) same++
        else if (matting === 'guided') disagreements.push(`${entry.id}: ${id} labelled ${want}, pipeline ${got}${got === 'fail' ? ` (${real.result.checks.find((c) => c.id === id)?.measured ?? ''})` : ''}`)
      }
      agree[matting].same += same
      agree[matting].total += checks.length
      row[matting] = { ms: Math.round(real.ms), residue: real.residue, verdicts, composite: { error: comp.error, residue: comp.residue, blocked: comp.result.blocked } }
      console.log(
        [
          entry.id.padEnd(12),
          wall.name.padEnd(4),
          matting.padEnd(6),
          `${real.residue ? `${real.residue.residuePixels} (${real.residue.largestArea})` : 'no output'}`.padStart(18),
          (real.residue?.visible ? 'YES' : 'no').padStart(7),
          `${same}/${checks.length}`.padStart(13),
          String(Math.round(real.ms)).padStart(5),
          '  |',
          comp.error ? comp.error.sad.toFixed(2).padStart(16) : '       no output',
          comp.error ? comp.error.mse.toFixed(2).padStart(8) : '',
          `${comp.residue ? `${comp.residue.residuePixels} (${comp.residue.largestArea})` : ''}`.padStart(18),
          (comp.residue?.visible ? 'YES' : 'no').padStart(7),
        ].join(' '),
      )
      for (const r of [real, comp]) {
        const d = r.result.debug
        outTiles.push(d ? await tile(d.img.data, W, H, { width: d.img.width, height: d.img.height, channels: 3 }) : await tile(await sharp({ create: { width: W, height: H, channels: 3, background: '#800' } }).png().toBuffer(), W, H))
      }
    }
    rows.push(row)
    const strip = [await tile(await sharp(crop.data, { raw }).png().toBuffer(), W, H), ...outTiles.filter((_, k) => k % 2 === 0), await tile(await sharp(composite, { raw }).png().toBuffer(), W, H), ...outTiles.filter((_, k) => k % 2 === 1)]
    strip.forEach((input, col) => tiles.push({ input, left: col * W, top: i * H }))
  }
  console.log(`reference matte: RVM on ${rvmBackend()} (decision 019), main person only`)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / Math.max(1, xs.length)
  const n = entries.length
  console.log('')
  for (const matting of MATTES) {
    const s = sums[matting]
    const a = agree[matting]
    console.log(`${{ mask: 'old (mask)', guided: 'new (guided)' }[matting]}:`)
    console.log(`  visible residue: ${s.visibleReal.length}/${n} as photographed, ${s.visibleComposite.length}/${n} composited; among photos the pipeline lets through (${s.offeredReal} photographed, ${s.offeredComposite} composited): ${s.visibleOffered.length}${s.visibleOffered.length ? ` (${s.visibleOffered.join(', ')})` : ''}`)
    console.log(`  alpha error against the composites' ground truth (${s.sad.length}): SAD mean ${mean(s.sad).toFixed(2)}, median ${median(s.sad).toFixed(2)} (thousands) · MSE mean ${mean(s.mse).toFixed(2)}, median ${median(s.mse).toFixed(2)} (×10⁻³)`)
    console.log(`  checks agree with labels ${a.same}/${a.total} (${((100 * a.same) / Math.max(1, a.total)).toFixed(1)}%) · median ${Math.round(median(s.ms))} ms a photo (${Math.round(Math.min(...s.ms))}–${Math.round(Math.max(...s.ms))})`)
  }
  console.log(`\nnew pipeline, agreement per check: ${Object.entries(perCheck).map(([id, c]) => `${id} ${c.same}/${c.total}`).join(' · ')}`)
  if (disagreements.length) {
    console.log('\nnew pipeline against the labels:')
    for (const d of disagreements) console.log(`  ${d}`)
  }
  const out = process.env.EVAL_OUT ?? path.join(root, 'bench-results')
  mkdirSync(out, { recursive: true })
  await sharp({ create: { width: (2 + 2 * MATTES.length) * W, height: entries.length * H, channels: 3, background: '#444' } }).composite(tiles).png().toFile(path.join(out, 'eval-photo.png'))
  writeFileSync(path.join(out, 'eval-photo.json'), JSON.stringify({ at: new Date().toISOString(), spec: SPEC_ID, rows, sums, agree, perCheck, disagreements }, null, 2))
  console.log(`\ncontact sheet: ${path.relative(root, path.join(out, 'eval-photo.png'))} (input, each matte's output, composite, each matte's output on it)`)
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
