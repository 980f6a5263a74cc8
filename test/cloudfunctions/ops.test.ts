import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { invoke } from '../../cloudfunctions/_shared/handler'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import { createLogger } from '../../cloudfunctions/_shared/log'
import { sweep } from '../../cloudfunctions/_shared/sweep/sweeper'
import { opsFunction } from '../../cloudfunctions/ops/ops.function'
import { orderFunction } from '../../cloudfunctions/order/order.function'
import { FUNCTIONS } from '../../emulator/functions'
import type { Board, OpsOrderDetail, OpsOrderRow, StuckItem } from '@/domain/ops/ops.view'
import { ALICE, BOB, makePorts, tempDir, type TestPorts } from '../support/store'
import { APPLICANT, checkedPhoto, createOrder, deliver, order, payAtCashier, result } from '../support/orders'

const OPERATOR: Caller = { openid: 'oOPERATOR0000000000000000000', appid: 'wxtest' }

describe('operators', () => {
  let ports: TestPorts
  let cleanup: () => void
  const lines: string[] = []

  beforeAll(() => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir, [OPERATOR.openid])
    ports.log = createLogger('test', (line) => lines.push(line))
  })
  afterAll(() => cleanup())

  const ops = <T>(act: string, data?: unknown, caller = OPERATOR) => invoke(opsFunction, { action: act, data }, caller, ports) as Promise<{ ok: boolean; data: T; error?: { code: string } }>

  it('refuses every operator action to a normal user with FORBIDDEN, and logs the attempt', async () => {
    const before = await ports.db.dump()
    for (const act of Object.keys(opsFunction.actions)) {
      const reply = await ops(act, {}, ALICE)
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await ports.db.dump()).toEqual(before)
    expect(lines.filter((l) => l.includes('forbidden operator call')).length).toBe(Object.keys(opsFunction.actions).length)
  })

  it('counts orders on the board as a user pays, and times review results', async () => {
    const empty = await ops<Board>('board')
    const photo = await checkedPhoto(ports, ALICE)
    const { orderId } = await createOrder(ports, ALICE, photo)
    expect((await ops<Board>('board')).data.today.byStatus.created).toBe((empty.data.today.byStatus.created ?? 0) + 1)
    await payAtCashier(ports, orderId)
    ports.setNow('2026-11-24T04:12:00.000Z')
    await deliver(ports, await result(ports, orderId, 'approved'))
    const board = (await ops<Board>('board')).data
    expect(board.today.byStatus.approved).toBe(1)
    expect(board.medianReviewMinutes).toBe(12)
    ports.setNow('2026-11-24T04:00:00.000Z')
  })

  it('finds orders by the last 4 digits of the phone or ID number, masked', async () => {
    const byPhone = (await ops<OpsOrderRow[]>('search', { query: '5678' })).data
    expect(byPhone.length).toBeGreaterThan(0)
    expect(byPhone[0]).toMatchObject({ applicantName: '王**', idNumberMasked: '110105********002X', phoneMasked: '138****5678' })
    expect((await ops<OpsOrderRow[]>('search', { query: '002x' })).data.length).toBe(byPhone.length)
    expect(await ops('search', { query: '12' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('finds orders by the full ID number through its blind index, without storing or logging the number', async () => {
    const byId = (await ops<OpsOrderRow[]>('search', { query: '11010519491231002x' })).data
    expect(byId.length).toBe((await ops<OpsOrderRow[]>('search', { query: '002X' })).data.length)
    expect(byId[0]).toMatchObject({ idNumberMasked: '110105********002X' })
    expect((await ops<OpsOrderRow[]>('search', { query: '110105197001010011' })).data).toEqual([])
    const dump = JSON.stringify(await ports.db.dump())
    expect(dump).not.toContain('11010519491231002X')
    expect(dump).toContain('身份证 110105********002X')
  })

  it('lists a review past the SLA as stuck, and re-submits it once even when tapped twice', async () => {
    const photo = await checkedPhoto(ports, BOB)
    const { orderId } = await createOrder(ports, BOB, photo)
    await payAtCashier(ports, orderId)
    expect((await ops<StuckItem[]>('stuck')).data.find((s) => s.orderId === orderId)).toBeUndefined()
    ports.setNow('2026-11-24T04:31:00.000Z')
    const item = (await ops<StuckItem[]>('stuck')).data.find((s) => s.orderId === orderId)
    expect(item).toMatchObject({ kind: 'review_overdue', action: 'resubmit' })
    const taps = await Promise.all([ops<OpsOrderDetail>('resubmit', { orderId }), ops<OpsOrderDetail>('resubmit', { orderId })])
    expect(taps.filter((t) => t.ok)).toHaveLength(1)
    expect(taps.find((t) => !t.ok)).toMatchObject({ error: { code: 'CONFLICT' } })
    expect((await order(ports, orderId)).submissions).toHaveLength(2)
    expect(await ports.db.collection('center_tickets').count({ orderId })).toBe(2)
    expect((await ops<StuckItem[]>('stuck')).data.find((s) => s.orderId === orderId)).toBeUndefined()
    ports.setNow('2026-11-24T04:00:00.000Z')
  })

  it('lists a notification a crash left unknown, and sends it again only when an operator taps 重新发送', async () => {
    const photo = await checkedPhoto(ports, BOB)
    const { orderId } = await createOrder(ports, BOB, photo)
    await payAtCashier(ports, orderId)
    await deliver(ports, await result(ports, orderId, 'approved'))
    const outbox = ports.db.collection<{ _id: string; status: string }>('outbox')
    const [entry] = await outbox.find({ orderId })
    // What a sender killed between its attempt mark and WeChat's answer leaves behind, once its claim has lapsed.
    await outbox.update({ _id: entry._id }, { set: { status: 'sending', attemptedAt: '2026-11-24T03:59:00.000Z', lockedUntil: '2026-11-24T03:59:30.000Z' } })
    await sweep(ports)
    expect((await outbox.get(entry._id))!.status).toBe('unknown')
    const sentBefore = await ports.db.collection('wechat_sent').count({})
    await sweep(ports)
    expect(await ports.db.collection('wechat_sent').count({})).toBe(sentBefore)
    const item = (await ops<StuckItem[]>('stuck')).data.find((s) => s.outboxId === entry._id)
    expect(item).toMatchObject({ kind: 'notification_unknown', orderId, action: 'resend', label: '通知可能已送达' })
    expect(await ops<{ status: string }>('resend', { outboxId: entry._id })).toMatchObject({ ok: true, data: { status: 'sent' } })
    expect(await ports.db.collection('wechat_sent').count({})).toBe(sentBefore + 1)
    expect((await ops<StuckItem[]>('stuck')).data.find((s) => s.outboxId === entry._id)).toBeUndefined()
    expect(await ops('resend', { outboxId: entry._id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('lists a wrong-amount payment and marks it refunded through the state machine', async () => {
    const photo = await checkedPhoto(ports, BOB)
    const { orderId } = await createOrder(ports, BOB, photo)
    await payAtCashier(ports, orderId, { paidFee: 1 })
    expect((await ops<StuckItem[]>('stuck')).data.find((s) => s.orderId === orderId)).toMatchObject({ kind: 'payment_issue', action: 'refund' })
    const refunded = await ops<OpsOrderDetail>('refund', { orderId, reason: '金额不符，原路退回' })
    expect(refunded.ok).toBe(true)
    expect((await ops<StuckItem[]>('stuck')).data.find((s) => s.orderId === orderId)).toBeUndefined()
  })

  it('shows the photo only after an audited reveal with a reason, and shows callbacks with their effect', async () => {
    const [first] = (await ops<OpsOrderRow[]>('search', { query: '5678' })).data
    // A signed callback delivered twice with one nonce: the replay is refused and kept for the timeline.
    const stale = { callbackId: 'cb_stale', orderId: first.orderId, submissionId: 'sb_x', result: 'approved', receiptNumber: 'HZ0001', reviewedAt: '2026-11-24T04:00:00.000Z' }
    expect((await deliver(ports, stale, { nonce: 'nonce-delivered-twice' })).statusCode).toBe(200)
    expect((await deliver(ports, stale, { nonce: 'nonce-delivered-twice' })).statusCode).toBe(401)
    const detail = (await ops<OpsOrderDetail>('detail', { orderId: first.orderId })).data
    expect(JSON.stringify(detail)).not.toContain('http')
    expect(detail.callbacks.map((c) => c.effect)).toContain('refused')
    const approved = (await ops<OpsOrderRow[]>('search', { query: '5678' })).data.find((r) => r.status === 'approved')!
    expect((await ops<OpsOrderDetail>('detail', { orderId: approved.orderId })).data.callbacks.map((c) => c.effect)).toContain('applied')
    expect(detail.photoChecks.length).toBeGreaterThan(5)
    expect(await ops('reveal', { orderId: first.orderId, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    ports.setNow('2026-11-24T05:00:00.000Z')
    const shown = await ops<{ photoUrl: string }>('reveal', { orderId: first.orderId, reason: '用户来电核对照片' })
    ports.setNow('2026-11-24T04:00:00.000Z')
    expect(shown.data.photoUrl).toMatch(/^http:\/\/127\.0\.0\.1:1\/files\//)
    const audit = (await ops<Array<{ action: string; target: string; reason?: string }>>('audit')).data
    expect(audit[0]).toMatchObject({ action: 'photo.reveal', target: first.orderId, reason: '用户来电核对照片' })
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['order.search', 'order.resubmit', 'order.refund']))
  })

  it('lets only operators change the operators collection, with the change audited', async () => {
    const grant = { openid: BOB.openid, active: true, reason: '新同事入职' }
    expect(await ops('setOperator', grant, ALICE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ops('setOperator', grant)).toMatchObject({ ok: true, data: { active: true } })
    expect(await ops('board', {}, BOB)).toMatchObject({ ok: true })
    expect(await ops('setOperator', { ...grant, active: false, reason: '调岗' })).toMatchObject({ ok: true })
    expect(await ops('board', {}, BOB)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ops('setOperator', { openid: OPERATOR.openid, active: false, reason: '测试' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const audit = (await ops<Array<{ action: string }>>('audit')).data.map((a) => a.action)
    expect(audit).toEqual(expect.arrayContaining(['operator.grant', 'operator.revoke']))
  })

  it('keeps the audit log append-only: no action of any function changes or removes an entry', async () => {
    const before = await ports.db.collection<{ _id: string }>('audit_log').find({}, { limit: 1000 })
    for (const [name, def] of Object.entries(FUNCTIONS)) {
      for (const act of Object.keys(def.actions)) {
        for (const data of [{}, { orderId: before[0]._id }, { outboxId: before[0]._id }]) await invoke(def, { action: act, data }, OPERATOR, ports).catch(() => undefined)
      }
      expect(name).toBeTruthy()
    }
    const after = await ports.db.collection<{ _id: string }>('audit_log').find({}, { limit: 1000 })
    for (const entry of before) expect(after).toContainEqual(entry)
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? sources(path.join(dir, f)) : f.endsWith('.ts') ? [path.join(dir, f)] : []))
    const writers = sources(path.resolve(__dirname, '../../cloudfunctions')).filter((f) => /audit_log|AUDIT_COLLECTION/.test(readFileSync(f, 'utf8')))
    for (const file of writers) expect(readFileSync(file, 'utf8')).not.toMatch(/AUDIT_COLLECTION\)\.(update|remove)|audit_log'\)\.(update|remove)/)
  })

  it('writes logs with no unmasked ID number, phone number or name during a whole order flow', async () => {
    const photo = await checkedPhoto(ports, ALICE)
    const { orderId } = await createOrder(ports, ALICE, photo)
    await payAtCashier(ports, orderId)
    await deliver(ports, await result(ports, orderId, 'rejected'))
    await invoke(orderFunction, { action: 'get', data: { orderId } }, ALICE, ports)
    await ops('detail', { orderId })
    await sweep(ports)
    const all = lines.join('\n')
    expect(lines.length).toBeGreaterThan(10)
    for (const secret of [APPLICANT.idNumber, APPLICANT.phone, APPLICANT.name, ALICE.openid]) expect(all).not.toContain(secret)
  })
})

describe('structured logs', () => {
  it('writes one JSON line per call with function, action, role, order, outcome, code and duration', async () => {
    const t = tempDir()
    const ports = makePorts(t.dir, [OPERATOR.openid])
    const lines: string[] = []
    ports.log = createLogger('order', (line) => lines.push(line))
    await invoke(orderFunction, { action: 'get', data: { orderId: 'od_000000000000000000000000' } }, ALICE, ports)
    await invoke(opsFunction, { action: 'board' }, OPERATOR, ports)
    const calls = lines.map((l) => JSON.parse(l)).filter((l) => l.message === 'call')
    expect(calls[0]).toMatchObject({ level: 'info', fn: 'order', action: 'get', role: 'user', orderId: 'od_000000000000000000000000', outcome: 'refused', code: 'ORDER_NOT_FOUND' })
    expect(calls[1]).toMatchObject({ fn: 'ops', action: 'board', role: 'operator', outcome: 'ok' })
    expect(typeof calls[1].ms).toBe('number')
    t.cleanup()
  })
})
