import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { silentLogger } from '../cloudfunctions/_shared/log'
import { startEmulator } from '../emulator/server'
import { emitRows, ms, percentile, ratio, type BenchRow } from './lib/report'
import { writeOrders } from './lib/seed'

/**
 * How cost grows with data: "my orders" and "order detail" through the emulator's HTTP API with 1,000 and
 * 100,000 orders of other users in the store, p50 and p99; and the operator board's counts at 100,000.
 * The store files are written directly (NeDB's own line format) so seeding 100k orders takes seconds.
 */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300)
async function measure(total: number): Promise<{ list: number[]; get: number[]; board: number[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huizhi-bench-data-'))
  // First start seeds the dev users (张三 and the operator); the orders file is written before the second start.
  const seeding = await startEmulator({ dataDir: dir, port: 0, host: '127.0.0.1', logger: silentLogger, sweepIntervalMs: 0 })
  const me = (await seeding.identity.resolve('zhangsan')).openid
  await seeding.close()
  writeOrders(dir, total, me)
  const em = await startEmulator({ dataDir: dir, port: 0, host: '127.0.0.1', logger: silentLogger, sweepIntervalMs: 0 })
  const call = async (user: string, name: string, action: string, data: unknown) => {
    const t = performance.now()
    const res = await fetch(`${em.url}/api/functions/${name}`, { method: 'POST', headers: { cookie: `huizhi_user=${user}`, 'content-type': 'application/json' }, body: JSON.stringify({ action, data }) })
    const body = (await res.json()) as { ok: boolean }
    if (!body.ok) throw new Error(`${name}.${action} failed: ${JSON.stringify(body)}`)
    return performance.now() - t
  }
  // Warm up: the store loads lazily on first use.
  for (let i = 0; i < 20; i++) await call('zhangsan', 'order', 'list', {})
  await call('ops', 'ops', 'board', {})
  const list: number[] = []
  const get: number[] = []
  for (let i = 0; i < SAMPLES; i++) list.push(await call('zhangsan', 'order', 'list', {}))
  for (let i = 0; i < SAMPLES; i++) get.push(await call('zhangsan', 'order', 'get', { orderId: `od_${(i % 20).toString(16).padStart(24, '0')}` }))
  const board: number[] = []
  for (let i = 0; i < 15; i++) board.push(await call('ops', 'ops', 'board', {}))
  await em.close()
  rmSync(dir, { recursive: true, force: true })
  const sort = (a: number[]) => a.sort((x, y) => x - y)
  return { list: sort(list), get: sort(get), board: sort(board) }
}

async function main(): Promise<void> {
  const small = await measure(1_000)
  const large = await measure(100_000)
  const rows: BenchRow[] = []
  for (const [key, label] of [['list', '我的订单 order.list'], ['get', '订单详情 order.get']] as const) {
    const s99 = percentile(small[key], 99)
    const l99 = percentile(large[key], 99)
    rows.push({
      group: 'data growth',
      figure: `${label} p50 / p99 at 100k`,
      measured: `${ms(percentile(large[key], 50))} / ${ms(l99)}`,
      against: `at 1k: ${ms(percentile(small[key], 50))} / ${ms(s99)}`,
      ratio: ratio(l99, s99),
      budget: key === 'list' ? 'p99 ≤ 1.5× 1k' : undefined,
      ok: key === 'list' ? l99 <= 1.5 * s99 : null,
      values: { p50_1k: percentile(small[key], 50), p99_1k: s99, p50_100k: percentile(large[key], 50), p99_100k: l99 },
    })
  }
  const b50 = percentile(large.board, 50)
  rows.push({ group: 'data growth', figure: 'operator board (counts) at 100k, median', measured: ms(b50), against: `at 1k: ${ms(percentile(small.board, 50))}`, ratio: ratio(b50, percentile(small.board, 50)), budget: '≤ 300 ms', ok: b50 <= 300, values: { board_1k: percentile(small.board, 50), board_100k: b50 } })
  emitRows(rows)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
