import { line } from '../adversarial/kit'
import { clipImgStorm, zjzapiStorm } from '../adversarial/provider-storm'

/**
 * The callback storm against the provider callbacks (short configuration; `npm run test:adversarial` runs the full
 * one): forged, replayed, late and out-of-order callbacks leave each order with exactly its genuine result, once.
 */
describe('adversarial storm against provider callbacks (short configuration)', () => {
  it('zjzapi: every forged notice refused, each order moved once to its genuine result', async () => {
    const f = await zjzapiStorm({ orders: 100, callbacks: 500 })
    process.stdout.write(`${line(f)}\n`)
    expect(f.pass ? [] : [line(f)]).toEqual([])
  }, 120_000)

  it('可立图: every forged callback refused, each order moved once to what /query says', async () => {
    const f = await clipImgStorm({ orders: 100, callbacks: 500 })
    process.stdout.write(`${line(f)}\n`)
    expect(f.pass ? [] : [line(f)]).toEqual([])
  }, 120_000)
})
