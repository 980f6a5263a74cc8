import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROWS_MARK, type BenchRow } from './lib/report'

/**
 * `npm run bench`: runs every benchmark, each in its own process, and prints one table — figure, measured,
 * floor or peer measured in the same run, ratio, budget, verdict — then writes it as JSON under
 * bench-results/ (ignored by git). A benchmark, not a test: nothing here is asserted in `npm test`.
 */
const root = path.resolve(__dirname, '..')
const BENCHES: Array<{ name: string; script: string; before?: () => void }> = [
  { name: 'package sizes', script: 'bench/sizes.ts' },
  { name: 'first screen', script: 'bench/first-screen.ts', before: () => run(['npx', 'tsx', '-e', "require('./bench/sizes').buildHello('h5')"]) },
  { name: 'cold start', script: 'bench/cold-start.ts' },
  { name: 'photo pipeline', script: 'bench/photo.ts' },
  { name: 'upload bytes', script: 'bench/upload.ts' },
  { name: 'data growth', script: 'bench/data-growth.ts' },
  { name: 'throughput', script: 'bench/throughput.ts' },
  { name: 'sweeper', script: 'bench/sweeper.ts' },
]

function run(cmd: string[]): string {
  const res = spawnSync(cmd[0], cmd.slice(1), { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 })
  if (res.status !== 0) throw new Error(`${cmd.join(' ')} exited with ${res.status}\n${res.stdout?.slice(-2000)}`)
  return res.stdout
}

/** bench:photo writes its own JSON; its rows become ours. */
function photoRows(): BenchRow[] {
  const data = JSON.parse(readFileSync(path.join(root, 'bench-results', 'photo.json'), 'utf8')) as { rows: string[][]; verdicts: boolean[] }
  const verdictOf = (figure: string, budget: string): boolean | null => {
    if (!budget) return null
    if (figure.startsWith('full pipeline')) return data.verdicts[0]
    if (figure.includes('other than the models')) return data.verdicts[1]
    if (figure.startsWith('peak RSS, pipeline')) return data.verdicts[2]
    return null
  }
  return data.rows.map((r) => ({
    group: 'photo pipeline',
    figure: r[0].trim(),
    measured: r[0].includes('RSS') ? `${r[1]} MB` : `${r[1]} ms`,
    against: r[2] || undefined,
    ratio: r[3] || undefined,
    budget: r[4] || undefined,
    // Rejections of hostile files carry a budget but no verdict in bench:photo: check it here.
    ok: r[0].startsWith('reject ') ? Number(r[1]) <= 500 : verdictOf(r[0], r[4]),
  }))
}

function main(): void {
  const started = Date.now()
  console.log('> building what is out of date (H5, weapp, cloud functions)')
  run(['node', 'scripts/ensure-built.mjs'])
  const rows: BenchRow[] = []
  for (const bench of BENCHES) {
    const t = Date.now()
    process.stdout.write(`> ${bench.name} … `)
    bench.before?.()
    const out = run(['npx', 'tsx', bench.script])
    if (bench.script === 'bench/photo.ts') rows.push(...photoRows())
    else {
      const line = out.split('\n').find((l) => l.startsWith(ROWS_MARK))
      if (!line) throw new Error(`${bench.script} printed no rows`)
      rows.push(...(JSON.parse(line.slice(ROWS_MARK.length)) as BenchRow[]))
    }
    console.log(`${((Date.now() - t) / 1000).toFixed(0)} s`)
  }
  const width = (key: keyof BenchRow, min: number) => Math.max(min, ...rows.map((r) => String(r[key] ?? '').length))
  const cols: Array<[keyof BenchRow, string]> = [['figure', 'figure'], ['measured', 'measured'], ['against', 'floor / peer'], ['ratio', 'ratio'], ['budget', 'budget']]
  const widths = cols.map(([k, h]) => width(k, h.length))
  console.log('')
  console.log([...cols.map(([, h], i) => h.padEnd(widths[i])), 'verdict'].join('  '))
  let group = ''
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group
      console.log(`— ${group}`)
    }
    const verdict = r.ok === null ? '·' : r.ok ? 'ok' : 'OVER'
    console.log([...cols.map(([k], i) => String(r[k] ?? '').padEnd(widths[i])), verdict].join('  '))
  }
  const over = rows.filter((r) => r.ok === false)
  console.log(`\n${rows.length} figures, ${rows.filter((r) => r.ok).length} within budget, ${over.length} over, ${rows.filter((r) => r.ok === null).length} informational · ${((Date.now() - started) / 1000).toFixed(0)} s`)
  mkdirSync(path.join(root, 'bench-results'), { recursive: true })
  const file = path.join(root, 'bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2))
  writeFileSync(path.join(root, 'bench-results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2))
  console.log(`written: ${path.relative(root, file)}`)
  if (!existsSync(file)) process.exit(1)
}

main()
