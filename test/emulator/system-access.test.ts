import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { CreateOrderResult, OrderView } from '@/domain/order/order.view'
import type { NormalizeResult } from '@/domain/photo/photo.schema'
import { callFn, post, start, uploadTarget, type Emulator } from '../support/emulator'
import { APPLICANT } from '../support/orders'
import { fixture } from '../support/photos'
import { tempDir } from '../support/store'

/** Every collection file of the store, byte for byte. */
function storeBytes(dir: string): Record<string, string> {
  const db = path.join(dir, 'db')
  return Object.fromEntries(readdirSync(db).sort().map((f) => [f, readFileSync(path.join(db, f), 'utf8')]))
}

/**
 * As on CloudBase, a mini-program client can call every function of the environment, the system ones
 * included: the emulator's client route reaches them with the client's source, and they refuse it.
 */
describe('local emulator: system functions called from a client', () => {
  let em: Emulator
  let dir: string
  let cleanup: () => void

  beforeAll(async () => {
    const t = tempDir()
    dir = t.dir
    cleanup = t.cleanup
    em = await start(t.dir, { sweepIntervalMs: 0 })
  })
  afterAll(async () => {
    await em.close()
    cleanup()
  })

  async function unpaidOrder(user: string): Promise<CreateOrderResult> {
    const up = await fetch(`${em.url}/api/files?cloudPath=${await uploadTarget(em, user)}`, { method: 'PUT', body: new Uint8Array(fixture(1)), headers: { 'x-huizhi-user': user } })
    const { data } = (await up.json()) as { data: { fileID: string } }
    const photo = (await callFn(em, 'photo', { action: 'normalize', data: { fileID: data.fileID, specId: 'ssc-shenzhen' } }, user)).body.data as NormalizeResult
    return (await callFn(em, 'order', { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId: photo.photoId, applicant: APPLICANT } }, user)).body.data as CreateOrderResult
  }

  it('refuses a client’s forged payment of its own order with 403 FORBIDDEN and writes nothing', async () => {
    const { orderId, amountFen } = await unpaidOrder('lisi')
    const before = storeBytes(dir)
    const forged = await callFn(em, 'payCallback', { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: orderId, totalFee: amountFen, transactionId: 'anything' }, 'lisi')
    expect(forged).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } })
    expect(storeBytes(dir)).toEqual(before)
    expect(((await callFn(em, 'order', { action: 'get', data: { orderId } }, 'lisi')).body.data as OrderView).status).toBe('created')
  })

  it('refuses a client’s call to the sweeper and to the review callback', async () => {
    const before = storeBytes(dir)
    expect(await callFn(em, 'sweeper', { Type: 'Timer' }, 'lisi')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } })
    expect(await callFn(em, 'reviewCallback', { httpMethod: 'POST', headers: {}, body: '{}' }, 'lisi')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } })
    expect(storeBytes(dir)).toEqual(before)
  })

  it('lets the cashier (WeChat Pay’s source) and the timer (the trigger’s source) through', async () => {
    const { orderId } = await unpaidOrder('lisi')
    expect((await post(em, '/__cashier/pay', JSON.stringify({ orderId }))).body.ok).toBe(true)
    expect(((await callFn(em, 'order', { action: 'get', data: { orderId } }, 'lisi')).body.data as OrderView).status).toBe('reviewing')
    await expect(em.sweep()).resolves.toMatchObject({ cancelled: 0 })
  })

  it('stops taking payment once the order is cancelled (closeOrder)', async () => {
    const { orderId } = await unpaidOrder('lisi')
    expect((await callFn(em, 'order', { action: 'cancel', data: { orderId } }, 'lisi')).body.ok).toBe(true)
    expect(await post(em, '/__cashier/pay', JSON.stringify({ orderId }))).toMatchObject({ status: 409, body: { ok: false } })
    expect((await fetch(`${em.url}/__cashier?orderId=${orderId}`)).status).toBe(404)
  })
})
