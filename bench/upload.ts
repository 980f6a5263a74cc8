import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { silentLogger } from '../cloudfunctions/_shared/log'
import { startEmulator } from '../emulator/server'
import { launchBrowser } from '../test/support/browser'
import { agree } from '../test/support/e2e'
import { emitRows, kb, type BenchRow } from './lib/report'

/**
 * Upload bytes: a 12 MP capture (a fixture face upscaled to 3000×4000 with sensor-like grain, JPEG quality
 * 92, as a phone saves it) goes through the H5 app's real "choose from album" path; we count the bytes the page PUTs to storage
 * and then read the pre-checks the server ran on what it received. Budget: ≤ 600 KB, ≥ 6× smaller than the
 * raw file, with every pre-check still passing.
 */
const root = path.resolve(__dirname, '..')

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huizhi-upload-'))
  const raw = path.join(dir, 'capture-12mp.jpg')
  // An upscaled fixture is far smoother than a phone's capture and would compress to a fraction of a real
  // 12 MP file; sensor-like grain (±8 levels) brings it to about 2.4 MB, the low end of what phones write
  // (a larger raw file only makes the ratio better).
  const { data, info } = await sharp(path.join(root, 'test', 'fixtures', 'photos', 'face-1.jpg')).resize(3000, 4000, { fit: 'cover', position: 'top' }).raw().toBuffer({ resolveWithObject: true })
  let seed = 12345
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    data[i] = Math.max(0, Math.min(255, data[i] + ((seed >>> 16) % 17) - 8))
  }
  await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: 92 }).toFile(raw)
  const rawBytes = statSync(raw).size
  const em = await startEmulator({ dataDir: path.join(dir, 'data'), port: 0, host: '127.0.0.1', staticDir: path.join(root, 'dist', 'h5'), logger: silentLogger, sweepIntervalMs: 0 })
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    await context.addCookies([{ name: 'huizhi_user', value: 'zhangsan', url: em.url }])
    const page = await context.newPage()
    let sent = 0
    const uploads: Array<Promise<void>> = []
    page.on('requestfinished', (req) => {
      if (req.url().includes('/api/files') && (req.method() === 'PUT' || req.method() === 'POST')) {
        // Chromium does not expose a Blob body to the driver; its Content-Length is what went over the wire.
        uploads.push(req.allHeaders().then((h) => void (sent += Number(h['content-length'] ?? 0))))
      }
    })
    await page.goto(`${em.url}/#/features/id-photo/pages/index/index?documentType=social-security-card&cityCode=440300`)
    // A new user meets the privacy consent before the first photo (as every user does once).
    await agree(page, 'choose-album')
    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-testid="choose-album"]:visible').first().click()
    await (await chooser).setFiles(raw)
    await page.locator('[data-testid="check-result"]:visible').first().waitFor({ timeout: 120_000 })
    const checks = await page.locator('[data-testid="check-result"]:visible [data-passed]').evaluateAll((els) => els.map((e) => e.getAttribute('data-passed')))
    const failing = checks.filter((p) => p !== 'true').length
    await Promise.all(uploads)
    // (The server's own record cannot cross-check it: the raw upload is deleted once the photo is normalised.)
    if (sent === 0) throw new Error('no upload was seen: the id-photo page did not send the photo')
    const factor = rawBytes / sent
    const rows: BenchRow[] = [
      {
        group: 'upload',
        figure: `bytes uploaded per photo from a 12 MP capture (${checks.length} pre-checks, ${failing} failing)`,
        measured: kb(sent),
        against: `raw file ${kb(rawBytes)}`,
        ratio: `${factor.toFixed(1)}× smaller`,
        budget: '≤ 600 KB, ≥ 6× smaller, all checks pass',
        ok: sent > 0 && sent <= 600 * 1024 && factor >= 6 && checks.length > 0 && failing === 0,
        values: { sent, rawBytes, checks: checks.length, failing },
      },
    ]
    emitRows(rows)
  } finally {
    await browser.close()
    await em.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
