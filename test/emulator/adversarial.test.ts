import { line } from '../adversarial/kit'
import { SHORT, runSuite } from '../adversarial/suite'
import { start, type Emulator } from '../support/emulator'
import { tempDir } from '../support/store'

/**
 * The adversarial suite in its short configuration (`npm run test:adversarial` runs the full one): callback
 * storm, pay replay, access, concurrency and fuzz against a local emulator; hostile files and crash injection
 * against emulator processes of their own. Each figure must meet its
 * expected value; the lines are printed as they are measured.
 */
describe('adversarial suite (short configuration)', () => {
  let em: Emulator
  let cleanup: () => void

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    em = await start(t.dir, { sweepIntervalMs: 0, writeBurst: 10_000 })
  })
  afterAll(async () => {
    await em.close()
    cleanup()
  })

  it('meets every expected figure', async () => {
    const figures = await runSuite(em, SHORT, (f) => process.stdout.write(`${line(f)}\n`))
    expect(figures.map((f) => f.name)).toEqual(['access', 'concurrency', 'hostile files', 'callback storm', 'pay-callback replay', 'fuzz', 'crash injection'])
    expect(figures.filter((f) => !f.pass).map(line)).toEqual([])
  }, 180_000)
})
