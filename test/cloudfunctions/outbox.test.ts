import { grantConsent } from '../../cloudfunctions/_shared/notify/consent'
import { deliverOutbox, MAX_ATTEMPTS } from '../../cloudfunctions/_shared/notify/outbox'
import { NotifyError, type Notifier } from '../../cloudfunctions/_shared/ports'
import { renderMessage } from '@/domain/notify/templates'
import { ALICE, makePorts, tempDir, type TestPorts } from '../support/store'

/** Delivery of service notifications: retries with back-off on transient errors, none on permanent ones. */
describe('outbox delivery', () => {
  let ports: TestPorts
  let cleanup: () => void
  let n = 0

  beforeEach(() => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir)
  })
  // The store's setup may still be writing when a test is refused before any request: close it, then delete it.
  afterEach(async () => {
    await ports.db.close()
    cleanup()
  })

  async function enqueue(): Promise<string> {
    const id = `od_${String(++n).padStart(24, '0')}#3`
    await ports.db.collection('outbox').add({
      _id: id,
      openid: ALICE.openid,
      orderId: id.split('#')[0],
      template: 'review_result',
      page: 'pages/orders/index',
      data: renderMessage('review_result', { character_string1: id.split('#')[0], thing2: '社保卡回执 · 深圳市', phrase3: '审核通过', time4: ports.clock.now(), thing5: '请在有效期内使用' }),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: ports.clock.now().toISOString(),
      createdAt: ports.clock.now().toISOString(),
    } as never)
    await grantConsent(ports, ALICE.openid, ['review_result'])
    return id
  }

  const failing = (errcode: number, permanent: boolean): Notifier => ({
    send: async () => {
      throw new NotifyError(errcode, permanent, `errcode ${errcode}`)
    },
  })
  const entry = (id: string) => ports.db.collection<{ _id: string; status: string; attempts: number; nextAttemptAt: string; lastError?: { errcode: number } }>('outbox').get(id)

  it('retries a transient error later, with growing back-off, and gives up after the last attempt', async () => {
    const id = await enqueue()
    ports.notifier = failing(-1, false)
    const waits: number[] = []
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = ports.clock.now().getTime()
      await deliverOutbox(ports)
      const e = (await entry(id))!
      expect(e.attempts).toBe(attempt)
      if (attempt < MAX_ATTEMPTS) {
        expect(e.status).toBe('pending')
        waits.push(new Date(e.nextAttemptAt).getTime() - before)
        await deliverOutbox(ports)
        expect((await entry(id))!.attempts).toBe(attempt)
        ports.setNow(e.nextAttemptAt)
      } else {
        expect(e.status).toBe('failed')
      }
    }
    expect(waits).toEqual([...waits].sort((a, b) => a - b))
    expect(waits[0]).toBeLessThan(waits[waits.length - 1])
  })

  it('records a permanent error (43101, 40003, 47003) without retrying', async () => {
    for (const code of [43101, 40003, 47003]) {
      const id = await enqueue()
      ports.notifier = failing(code, true)
      await deliverOutbox(ports)
      expect(await entry(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: { errcode: code } })
    }
  })

  it('gives the consent back when a send fails for any reason but 43101', async () => {
    await enqueue()
    ports.notifier = failing(-1, false)
    await deliverOutbox(ports)
    expect(await ports.db.collection<{ _id: string; credits: Record<string, number> }>('subscriptions').get(ALICE.openid)).toMatchObject({ credits: { review_result: 1 } })
  })

  it('keeps the inbox copy even when WeChat refuses the send', async () => {
    const id = await enqueue()
    ports.notifier = failing(43101, true)
    await deliverOutbox(ports)
    expect(await ports.db.collection('inbox').get(id)).toMatchObject({ openid: ALICE.openid, template: 'review_result' })
  })

  it('never sends one entry twice when two sweepers run at once', async () => {
    const id = await enqueue()
    await grantConsent(ports, ALICE.openid, ['review_result'])
    await Promise.all([deliverOutbox(ports), deliverOutbox(ports), deliverOutbox(ports)])
    expect((await entry(id))!.status).toBe('sent')
    expect(await ports.db.collection('wechat_sent').count({})).toBe(1)
  })

  /** A sender that dies at a point: its promise never settles, as if the process had been killed there. */
  const dieAt = <T,>(): Promise<T> => new Promise<T>(() => undefined)
  const later = (seconds: number) => ports.setNow(new Date(ports.clock.now().getTime() + seconds * 1000).toISOString())

  it('sends again a claimed entry whose sender died before asking WeChat, once the claim lapses', async () => {
    const id = await enqueue()
    const db = ports.db
    ports.db = { collection: (name: string) => (name === 'inbox' ? { ...db.collection(name), add: () => dieAt() } : db.collection(name)) } as typeof ports.db
    void deliverOutbox(ports)
    await new Promise((r) => setTimeout(r, 50))
    ports.db = db
    expect((await entry(id))!.status).toBe('sending')
    await deliverOutbox(ports)
    expect((await entry(id))!.status).toBe('sending')
    later(61)
    await deliverOutbox(ports)
    expect((await entry(id))!.status).toBe('sent')
    expect(await ports.db.collection('wechat_sent').count({})).toBe(1)
  })

  it('never re-sends an entry whose sender died while asking WeChat: it is set aside as unknown for an operator', async () => {
    const id = await enqueue()
    const local = ports.notifier
    let asked = 0
    ports.notifier = {
      send: async (input) => {
        asked++
        await local.send(input)
        return dieAt()
      },
    }
    void deliverOutbox(ports)
    await new Promise((r) => setTimeout(r, 50))
    ports.notifier = local
    expect(asked).toBe(1)
    later(61)
    await deliverOutbox(ports)
    later(3600)
    await deliverOutbox(ports)
    const e = (await entry(id))!
    expect(e.status).toBe('unknown')
    expect(e.lastError?.errcode).toBe(-2)
    expect(await ports.db.collection('wechat_sent').count({})).toBe(1)
    expect(await ports.db.collection('inbox').get(id)).toMatchObject({ openid: ALICE.openid })
  })
})
