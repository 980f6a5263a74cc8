import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { weappPackageSizes } from '../scripts/lib/package-size'
import { emitRows, kb, type BenchRow } from './lib/report'

/**
 * Package sizes: the weapp main package and each subpackage, in bytes, against a Taro React hello-world
 * built in this run with the same config (bench/hello-world; config/index.ts takes its source and output
 * roots from HUIZHI_SOURCE_ROOT / HUIZHI_OUTPUT_ROOT). Budgets: main ≤ floor + 300 KB, every subpackage
 * ≤ 400 KB, total ≤ 3 MB.
 */
const root = path.resolve(__dirname, '..')
export const HELLO_OUT = path.join('bench-results', 'hello-world')

/** Builds the hello-world for one target with the project's Taro config. */
export function buildHello(type: 'weapp' | 'h5'): void {
  const res = spawnSync('npx', ['taro', 'build', '--type', type], {
    cwd: root,
    env: { ...process.env, HUIZHI_SOURCE_ROOT: 'bench/hello-world/src', HUIZHI_OUTPUT_ROOT: `${HELLO_OUT}/${type}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  if (res.status !== 0) throw new Error(`hello-world ${type} build failed:\n${res.stderr?.slice(-3000)}`)
}

function main(): void {
  buildHello('weapp')
  const floor = weappPackageSizes(path.join(root, HELLO_OUT, 'weapp')).reduce((s, p) => s + p.bytes, 0)
  const ours = weappPackageSizes(path.join(root, 'dist', 'weapp'))
  const total = ours.reduce((s, p) => s + p.bytes, 0)
  const rows: BenchRow[] = []
  for (const p of ours) {
    if (p.name === 'main') {
      rows.push({ group: 'package size', figure: 'weapp main package', measured: kb(p.bytes), against: `hello-world ${kb(floor)}`, ratio: `+${kb(p.bytes - floor)}`, budget: '≤ floor + 300 KB', ok: p.bytes <= floor + 300 * 1024, values: { bytes: p.bytes, floor } })
    } else {
      rows.push({ group: 'package size', figure: `weapp subpackage ${p.name}`, measured: kb(p.bytes), budget: '≤ 400 KB', ok: p.bytes <= 400 * 1024, values: { bytes: p.bytes } })
    }
  }
  rows.push({ group: 'package size', figure: 'weapp total', measured: kb(total), against: `hello-world ${kb(floor)}`, ratio: `${(total / floor).toFixed(2)}×`, budget: '≤ 3 MB', ok: total <= 3 * 1024 * 1024, values: { bytes: total, floor } })
  emitRows(rows)
}

if (require.main === module) main()
