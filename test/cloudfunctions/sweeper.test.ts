import { sweep, SWEEP_BUDGET_MS } from '../../cloudfunctions/_shared/sweep/sweeper'
import { grantConsent } from '../../cloudfunctions/_shared/notify/consent'
import type { OutboxDoc } from '../../cloudfunctions/_shared/notify/outbox'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import { Budget } from '../../cloudfunctions/_shared/sweep/budget'
import { CANCELLATION_KIND } from '../../cloudfunctions/_shared/cancellation/cancellation.kind'
import { CARD_LOSS_KIND } from '../../cloudfunctions/_shared/card-loss/card-loss.kind'
import { moveCase } from '../../cloudfunctions/_shared/case/move'
import { ORDER_KIND } from '../../cloudfunctions/_shared/order/order.kind'
import { pageAfter, scan, type Cursor } from '../../cloudfunctions/_shared/sweep/scan'
import { renderMessage } from '@/domain/notify/templates'
import { ALICE, makePorts, tempDir, type TestPorts } from '../support/store'
import { instrument, storedOrder, storedPhoto } from '../support/sweep'

const DAY = 86_400_000

interface Stamped {
  _id: string
  createdAt: string
}

/**
 * The sweeper at scale, on an injected clock that moves on with every database call: resumable scans by time,
 * no head-of-list starvation, due notifications first, and a time budget per run that leaves the rest for the
 * next tick.
 */
describe('sweeper at scale', () => {
  let ports: TestPorts
  let cleanup: () => void

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

  const orders = () => ports.db.collection<OrderDoc>('orders')
  const outbox = () => ports.db.collection<OutboxDoc>('outbox')

  it('deletes an unused photo behind 250 old photos still in use, within a few budget-limited runs', async () => {
    for (let i = 0; i < 250; i++) {
      await storedPhoto(ports, i, ALICE.openid, 8)
      await orders().add(storedOrder(ports, i, ALICE.openid))
    }
    // The unused photo is the newest of the old ones: last in time order, behind every photo in use.
    const unused = await storedPhoto(ports, 250, ALICE.openid, 7.5)
    // 100 ms per call and a 10 s budget: about 100 calls a run, too few to walk 251 photos and do everything else at once.
    instrument(ports, 100)
    let runs = 0
    while ((await ports.db.collection('photos').get(unused._id)) && runs < 10) {
      const report = await sweep(ports, { budgetMs: 10_000, batch: 50 })
      expect(report.ms).toBeLessThan(10_000 + 60 * 100)
      runs++
    }
    expect(await ports.db.collection('photos').get(unused._id)).toBeNull()
    expect(runs).toBeLessThanOrEqual(4)
    expect(await ports.files.download(unused.fileID).catch(() => null)).toBeNull()
    // Every photo in use is still there.
    expect(await ports.db.collection('photos').count({})).toBe(250)
  })

  it('reminds every receipt that falls due, beyond the first 200, once each, and writes nothing the next minute', async () => {
    for (let i = 0; i < 250; i++) await orders().add(storedOrder(ports, i, ALICE.openid, { expiresInDays: 2 + (i % 5) }))
    for (let i = 250; i < 260; i++) await orders().add(storedOrder(ports, i, ALICE.openid, { expiresInDays: 30 }))
    const io = instrument(ports, 0)
    const first = await sweep(ports)
    expect(first.reminded).toBe(250)
    expect(await outbox().count({ template: 'receipt_expiring' })).toBe(250)
    expect(first.deferred).toEqual([])

    io.reset()
    ports.setNow(new Date(ports.clock.now().getTime() + 60_000).toISOString())
    const second = await sweep(ports)
    expect(second.reminded).toBe(0)
    expect(io.calls['outbox.add'] ?? 0).toBe(0)
    // The receipts 30 days out are reminded when their week comes, and only they.
    ports.setNow(new Date(ports.clock.now().getTime() + 24 * DAY).toISOString())
    expect((await sweep(ports)).reminded).toBe(10)
  })

  it('restores, for every case kind, the notice a crash dropped between a move and its outbox write, once', async () => {
    const order = storedOrder(ports, 1, ALICE.openid, { status: 'reviewing' })
    await orders().add(order)
    const application = { _id: 'ca_1', openid: ALICE.openid, status: 'reviewing', version: 3, cityCode: '440300', cityName: '深圳市', bank: { cardMasked: '6222 **** **** 1234' }, history: [], updatedAt: order.updatedAt }
    await ports.db.collection('cancellations').add(application as never)
    const lossCase = { _id: 'lc_1', openid: ALICE.openid, status: 'reported_temporary', version: 1, cityCode: '440300', cityName: '深圳市', active: true, history: [], updatedAt: order.updatedAt }
    await ports.db.collection('loss_cases').add(lossCase as never)
    const moved = [
      await moveCase(ports, ORDER_KIND, order, 'review_passed', 'reviewer'),
      await moveCase(ports, CANCELLATION_KIND, application as never, 'approve', 'operator'),
      await moveCase(ports, CARD_LOSS_KIND, lossCase as never, 'lift', 'user'),
    ]
    const keys = moved.map((doc) => `${doc?._id}#0`)
    expect(await outbox().count({ _id: { $in: keys } })).toBe(3)
    // The crash: the moves were written, their outbox entries were not.
    await outbox().remove({ _id: { $in: keys } })
    ports.setNow(new Date(ports.clock.now().getTime() + 2 * 60_000).toISOString())
    const report = await sweep(ports)
    expect(report.reconciled).toBe(3)
    expect((await outbox().find({ _id: { $in: keys } }, { limit: 3 })).map((e) => e.template).sort()).toEqual(['application_result', 'loss_result', 'review_result'])
    ports.setNow(new Date(ports.clock.now().getTime() + 60_000).toISOString())
    expect((await sweep(ports)).reconciled).toBe(0)
  })

  it('delivers due notices first, leaves the rest to the next tick when the budget is spent, and finishes within a few runs', async () => {
    const now = ports.clock.now().toISOString()
    for (let i = 0; i < 600; i++) {
      const id = `od_${i.toString(16).padStart(24, '0')}#1`
      await outbox().add({
        _id: id,
        openid: ALICE.openid,
        caseId: id.split('#')[0],
        orderId: id.split('#')[0],
        template: 'review_result',
        page: 'pages/orders/index',
        data: renderMessage('review_result', { character_string1: id.split('#')[0], thing2: '社保卡回执 · 深圳市', phrase3: '审核通过', time4: now, thing5: '请在有效期内使用' }),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })
    }
    await grantConsent(ports, ALICE.openid, ['review_result'])
    // A backlog of unused photos competes for the same run.
    for (let i = 0; i < 300; i++) await storedPhoto(ports, 1000 + i, ALICE.openid, 10)
    const io = instrument(ports, 50)
    const reports = []
    while ((await outbox().count({ status: 'pending' })) > 0 && reports.length < 10) {
      reports.push(await sweep(ports, { budgetMs: 15_000, batch: 20 }))
      ports.setNow(new Date(ports.clock.now().getTime() + 60_000).toISOString())
    }
    expect(reports[0].deferred).toContain('notices')
    // Notices go first: the run claimed a batch of them before it looked at anything else.
    expect(io.first.indexOf('outbox.update')).toBeLessThan(io.first.indexOf('photos.find'))
    expect(io.first.indexOf('outbox.update')).toBeLessThan(io.first.indexOf('orders.find'))
    expect(reports[0].notices.sent + reports[0].notices.skipped).toBeGreaterThanOrEqual(100)
    expect(reports.reduce((n, r) => n + r.notices.sent + r.notices.skipped, 0)).toBe(600)
    expect(reports.length).toBeLessThanOrEqual(6)
    // A run overshoots its budget by at most the page in hand (about 50 calls of 50 ms here, counted one after another).
    for (const r of reports) expect(r.ms).toBeLessThan(15_000 + 2_500)
    // The other tasks were not starved meanwhile.
    expect(reports.reduce((n, r) => n + r.retention.unorderedPhotos, 0)).toBe(300)
  })

  it('stops calling a center that is down after a few failures, and tries the rest on the next tick', async () => {
    let calls = 0
    ports.center = {
      submit: async () => {
        calls++
        throw new Error('center answered 503')
      },
    }
    for (let i = 0; i < 60; i++) {
      await storedPhoto(ports, i, ALICE.openid, 0)
      await orders().add(storedOrder(ports, i, ALICE.openid, { status: 'paid', receipt: undefined }))
    }
    const report = await sweep(ports)
    // At most the calls already in flight (10 at once) when the failures began: none from the second pass or the resubmit task.
    expect(calls).toBeLessThanOrEqual(10)
    expect(report.deferred).toContain('orders.submitPaid')
    expect(report.failed).toEqual([])
    // The next tick, with the center back, submits the rest.
    ports.center = { submit: async (s) => ({ ticketId: `tk_${s.submissionId}` }) }
    ports.setNow(new Date(ports.clock.now().getTime() + 60_000).toISOString())
    await sweep(ports)
    expect(await orders().count({ status: 'paid' })).toBe(0)
    expect(await orders().count({ status: 'reviewing', pendingSubmit: true })).toBe(0)
  })

  it('walks a crowd of documents sharing one instant exactly once, however small the page', async () => {
    const at = ports.clock.now().toISOString()
    for (let i = 0; i < 130; i++) await ports.db.collection<Stamped>('photos').add({ _id: `ph_${String(i).padStart(4, '0')}`, createdAt: at })
    const seen: string[] = []
    let cursor: Cursor | null = null
    for (;;) {
      const { rows, end }: { rows: Stamped[]; end: boolean } = await pageAfter(ports.db.collection<Stamped>('photos'), {}, 'createdAt', cursor, 50)
      seen.push(...rows.map((r) => r._id))
      if (rows.length) cursor = { t: at, id: rows[rows.length - 1]._id }
      if (end) break
    }
    expect(seen).toHaveLength(130)
    expect(new Set(seen).size).toBe(130)
  })

  it('keeps its place across runs: a scan cut by its budget resumes after the last page it finished', async () => {
    for (let i = 0; i < 30; i++) await ports.db.collection<Stamped>('photos').add({ _id: `ph_${String(i).padStart(4, '0')}`, createdAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 1000).toISOString() })
    instrument(ports, 1000)
    const seen: string[] = []
    const spec = { key: 'test.resume', collection: ports.db.collection<{ _id: string; createdAt: string }>('photos'), where: {}, field: 'createdAt', mode: 'round-robin' as const, batch: 10 }
    // One page (and its cursor write) per run.
    expect(await scan(ports, spec, Budget.of(ports.clock, 1500), async (rows) => void seen.push(...rows.map((r) => r._id)))).toBe(false)
    expect(seen).toHaveLength(10)
    while (!(await scan(ports, spec, Budget.of(ports.clock, 1500), async (rows) => void seen.push(...rows.map((r) => r._id))))) {
      expect(seen.length).toBeLessThanOrEqual(30)
    }
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `ph_${String(i).padStart(4, '0')}`))
  })

  it('uses the default budget of 45 s under the 60 s timer', () => {
    expect(SWEEP_BUDGET_MS).toBe(45_000)
  })
})
