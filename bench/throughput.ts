import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { silentLogger } from '../cloudfunctions/_shared/log'
import { startEmulator } from '../emulator/server'
import { emitRows, ms, percentile, ratio, type BenchRow } from './lib/report'
import { orderIdOf, writeOrders } from './lib/seed'

/**
 * Throughput: order-status reads (`order.get` through the emulator's HTTP API, as the H5 app calls it) at
 * 32 concurrent keep-alive clients, against a trivial endpoint of the same server (`/api/health`, the
 * floor). The server runs in its own process (`npm start`'s entry) and the load generator in this one.
 */
const root = path.resolve(__dirname, '..')
const CLIENTS = 32
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)

async function startServer(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'emulator', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HUIZHI_DATA_DIR: dataDir, HUIZHI_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/)
      if (m) resolve(m[0])
    })
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)))
  })
  return { url, stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))) }
}

/** Fires requests from CLIENTS loops for SECONDS; returns requests per second and latency percentiles. */
async function load(url: string, request: () => { path: string; method: string; body?: string }): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS })
  const { hostname, port } = new URL(url)
  const latencies: number[] = []
  let errors = 0
  const end = performance.now() + SECONDS * 1000
  const once = () =>
    new Promise<void>((resolve) => {
      const r = request()
      const t = performance.now()
      const req = http.request({ hostname, port, path: r.path, method: r.method, agent, headers: { cookie: 'huizhi_user=zhangsan', 'content-type': 'application/json' } }, (res) => {
        res.resume()
        res.on('end', () => {
          if (res.statusCode !== 200) errors++
          latencies.push(performance.now() - t)
          resolve()
        })
      })
      req.on('error', () => {
        errors++
        resolve()
      })
      req.end(r.body)
    })
  const started = performance.now()
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < end) await once()
  }))
  const elapsed = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huizhi-bench-rps-'))
  const seeding = await startEmulator({ dataDir: dir, port: 0, host: '127.0.0.1', logger: silentLogger, sweepIntervalMs: 0 })
  const me = (await seeding.identity.resolve('zhangsan')).openid
  await seeding.close()
  writeOrders(dir, 1_000, me)
  const server = await startServer(dir)
  try {
    // Warm up both paths.
    await load(server.url, () => ({ path: '/api/health', method: 'GET' }))
    let i = 0
    const get = () => ({ path: '/api/functions/order', method: 'POST', body: JSON.stringify({ action: 'get', data: { orderId: orderIdOf(i++ % 20) } }) })
    const floor = await load(server.url, () => ({ path: '/api/health', method: 'GET' }))
    const reads = await load(server.url, get)
    if (reads.errors || floor.errors) throw new Error(`errors: reads ${reads.errors}, floor ${floor.errors}`)
    const rows: BenchRow[] = [
      { group: 'throughput', figure: `floor: GET /api/health, ${CLIENTS} clients`, measured: `${Math.round(floor.rps)} req/s`, against: `p99 ${ms(floor.p99)}`, ok: null, values: floor },
      {
        group: 'throughput',
        figure: `order.get through the emulator, ${CLIENTS} clients`,
        measured: `${Math.round(reads.rps)} req/s, p99 ${ms(reads.p99)}`,
        against: `floor ${Math.round(floor.rps)} req/s, p99 ${ms(floor.p99)}`,
        ratio: `${ratio(reads.rps, floor.rps)} of floor rps`,
        ok: null,
        values: reads,
      },
    ]
    emitRows(rows)
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
