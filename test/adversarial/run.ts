import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../../emulator/server'
import { line } from './kit'
import { clipImgStorm, zjzapiStorm } from './provider-storm'
import { FULL, SHORT, runSuite } from './suite'

/**
 * `npm run test:adversarial`: the adversarial suite against a local emulator on 127.0.0.1, one line per
 * figure. `--short` runs the configuration `npm test` runs; the default is the full one (README).
 */
async function main(): Promise<void> {
  const short = process.argv.includes('--short')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huizhi-adversarial-'))
  const em = await startEmulator({ dataDir: dir, port: 0, host: '127.0.0.1', sweepIntervalMs: 0, writeBurst: 10_000 })
  const started = Date.now()
  console.log(`adversarial suite (${short ? 'short' : 'full'} configuration) against ${em.url}`)
  try {
    const cfg = short ? SHORT : FULL
    const figures = await runSuite(em, cfg, (f) => console.log(line(f)))
    // The same storm against the wholesale providers' callbacks, each on an emulator speaking to its simulator.
    for (const storm of [zjzapiStorm, clipImgStorm]) {
      const f = await storm(cfg.storm)
      console.log(line(f))
      figures.push(f)
    }
    const failed = figures.filter((f) => !f.pass)
    console.log(`${figures.length} figures, ${failed.length} failed · ${((Date.now() - started) / 1000).toFixed(0)} s · peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
    process.exitCode = failed.length ? 1 : 0
  } finally {
    await em.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
