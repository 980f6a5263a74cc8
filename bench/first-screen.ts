import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { silentLogger } from '../cloudfunctions/_shared/log'
import { startEmulator } from '../emulator/server'
import { launchBrowser } from '../test/support/browser'
import { emitRows, median, ms, ratio, type BenchRow } from './lib/report'

/**
 * First screen of the H5 build on a slow phone: Chromium with 4× CPU throttling and DevTools' "Fast 3G"
 * profile (562.5 ms latency, 180 KB/s down, 84 KB/s up), a fresh cache per run, the time from navigation
 * until the home page's four service entries are visible and enabled; median of 7 runs. The floor is the
 * Taro React hello-world built with the same config, served by the same server, under the same profile.
 */
const root = path.resolve(__dirname, '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 }

async function firstScreen(browser: Browser, url: string, ready: string, count: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', FAST_3G)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  const started = performance.now()
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(
    ([selector, n]) => {
      const items = [...document.querySelectorAll<HTMLElement>(selector as string)].filter((e) => e.offsetParent !== null && !e.closest('[aria-disabled="true"]'))
      return items.length >= (n as number)
    },
    [ready, count] as const,
    { timeout: 120_000, polling: 50 },
  )
  const elapsed = performance.now() - started
  await context.close()
  return elapsed
}

async function main(): Promise<void> {
  const helloDir = path.join(root, 'bench-results', 'hello-world', 'h5')
  for (const dir of [path.join(root, 'dist', 'h5'), helloDir]) if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} is missing: build it first`)
  const dataA = mkdtempSync(path.join(os.tmpdir(), 'huizhi-fs-'))
  const dataB = mkdtempSync(path.join(os.tmpdir(), 'huizhi-fs-'))
  const app = await startEmulator({ dataDir: dataA, port: 0, host: '127.0.0.1', staticDir: path.join(root, 'dist', 'h5'), logger: silentLogger, sweepIntervalMs: 0 })
  const hello = await startEmulator({ dataDir: dataB, port: 0, host: '127.0.0.1', staticDir: helloDir, logger: silentLogger, sweepIntervalMs: 0 })
  const browser = await launchBrowser()
  try {
    const ours: number[] = []
    const floor: number[] = []
    // One unmeasured run each warms the server's file reads; then interleave.
    await firstScreen(browser, `${app.url}/#/pages/home/index`, '[data-testid^="service-"]', 4)
    await firstScreen(browser, `${hello.url}/#/pages/index/index`, '[data-testid="hello"]', 1)
    for (let i = 0; i < RUNS; i++) {
      ours.push(await firstScreen(browser, `${app.url}/#/pages/home/index`, '[data-testid^="service-"]', 4))
      floor.push(await firstScreen(browser, `${hello.url}/#/pages/index/index`, '[data-testid="hello"]', 1))
    }
    const m = median(ours)
    const f = median(floor)
    const rows: BenchRow[] = [
      {
        group: 'first screen',
        figure: `H5 home, four service entries usable (4× CPU, Fast 3G, median of ${RUNS})`,
        measured: ms(m),
        against: `hello-world ${ms(f)}`,
        ratio: ratio(m, f),
        budget: '≤ 1.5×',
        ok: m <= 1.5 * f,
        values: { ms: m, floor: f, min: Math.min(...ours), max: Math.max(...ours) },
      },
    ]
    emitRows(rows)
  } finally {
    await browser.close()
    await app.close()
    await hello.close()
    rmSync(dataA, { recursive: true, force: true })
    rmSync(dataB, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
