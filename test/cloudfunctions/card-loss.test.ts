import { invoke } from '../../cloudfunctions/_shared/handler'
import type { LossDoc } from '../../cloudfunctions/_shared/card-loss/card-loss.store'
import { newId } from '../../cloudfunctions/_shared/crypto'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import { grantConsent } from '../../cloudfunctions/_shared/notify/consent'
import { deliverOutbox } from '../../cloudfunctions/_shared/notify/outbox'
import { sweep } from '../../cloudfunctions/_shared/sweep/sweeper'
import { cardLossFunction } from '../../cloudfunctions/cardLoss/cardLoss.function'
import { opsFunction } from '../../cloudfunctions/ops/ops.function'
import type { LossView, ReceiptChoice } from '@/domain/card-loss/card-loss.view'
import type { Reply } from '@/domain/errors'
import { idNumberCheckChar } from '@/domain/identity/id-number'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import { ALICE, BOB, makePorts, tempDir, type TestPorts } from '../support/store'

const OPS = { openid: 'oOPS0000000000000000000000op', appid: 'wxtest' }
const HOLDER = { name: '陈小梅', idNumber: '11010519491231002X' }
const GUANGZHOU = '440100'

describe('card loss: temporary and formal reports, lifting, reissue with a photo receipt', () => {
  let ports: TestPorts
  let cleanup: () => void
  let holders = 0

  beforeAll(() => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir, [OPS.openid])
  })
  afterAll(() => cleanup())

  const call = <T = LossView>(caller: Caller, action: string, data?: unknown) => invoke(cardLossFunction, { action, data }, caller, ports) as Promise<Reply<T>>
  const ok = <T>(reply: Reply<T>): T => {
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`)
    return reply.data
  }
  const code = (reply: Reply<unknown>) => (reply.ok ? 'ok' : reply.error.code)
  /** A different valid ID number per case (sequence code 100, 101 …), so each test reports its own card. */
  const holder = () => {
    const first17 = `44010619850101${String(100 + holders++).padStart(3, '0')}`
    return { name: '陈小梅', idNumber: first17 + idNumberCheckChar(first17) }
  }
  const token = async (caller: Caller, h = HOLDER) => ok(await call<{ verificationToken: string }>(caller, 'verify', { holder: h })).verificationToken
  const formal = async (caller: Caller, cityCode = GUANGZHOU, h = holder()) => ok(await call(caller, 'report', { cityCode, holder: h, kind: 'formal', verificationToken: await token(caller, h) }))
  const stored = async (id: string) => (await ports.db.collection<LossDoc>('loss_cases').get(id)) as LossDoc
  const decide = (caseId: string, decision: 'approve' | 'reject' | 'issue', extra: object = {}) =>
    invoke(opsFunction, { action: 'decideReissue', data: { caseId, decision, decisionId: newId('d', 6), ...extra } }, OPS, ports) as Promise<Reply<{ effect: string; lossCase: LossView }>>

  /** An approved 社保卡 receipt of `caller` for `cityCode`, as the receipt flow leaves it. */
  async function receipt(caller: Caller, cityCode = GUANGZHOU, opts: { expiresInDays?: number; documentType?: OrderDoc['documentType'] } = {}): Promise<string> {
    const now = ports.clock.now()
    const id = newId('od')
    await ports.db.collection<OrderDoc>('orders').add({
      _id: id,
      openid: caller.openid,
      status: 'approved',
      version: 4,
      documentType: opts.documentType ?? 'social-security-card',
      cityCode,
      cityName: cityCode === GUANGZHOU ? '广州市' : '深圳市',
      specId: 'ssc-guangdong',
      photoId: 'ph_000000000000000000000000',
      photoFileID: 'cloud://local.huizhi/photos/normalized/x.jpg',
      applicant: { name: '陈小梅', idNumberSealed: 'x', idNumberMasked: '110105********002X', phoneSealed: 'x', phoneMasked: '139****5678', idLast4: '002X', phoneLast4: '5678' },
      amountFen: 1990,
      history: [],
      submissions: [],
      receipt: { receiptNumber: `HZ${Date.now()}`, approvedAt: now.toISOString(), expiresAt: new Date(now.getTime() + (opts.expiresInDays ?? 90) * 86_400_000).toISOString() },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    return id
  }

  it('makes a temporary report that freezes the social-security functions only, with its expiry by region', async () => {
    const view = ok(await call(ALICE, 'report', { cityCode: GUANGZHOU, holder: holder(), cardNumber: 'a12345678', kind: 'temporary' }))
    expect(view).toMatchObject({ status: 'reported_temporary', statusLabel: '临时挂失中', cityName: '广州市', report: 'temporary', cardNumberMasked: 'A*****678', canUpgrade: true, canLift: true, canReissue: false })
    expect(view.frozen.map((f) => f.fn)).toEqual(['medical', 'identity', 'benefits'])
    expect(view.working.map((f) => f.fn)).toEqual(['finance'])
    // 广东's period has no source: no expiry is promised or counted down; 北京's notice says 10 days.
    expect(view.temporaryExpiresAt).toBeUndefined()
    const beijing = ok(await call(ALICE, 'report', { cityCode: '110000', holder: holder(), kind: 'temporary' }))
    expect(beijing.temporaryExpiresAt).toBe(new Date(ports.clock.now().getTime() + 10 * 86_400_000).toISOString())
    expect(view.policy).toMatchObject({ temporaryDays: 5, reissueOnline: true, feeLabel: '工本费 ¥20.00', reissueFeeFen: 2000, makeDays: 12, delivery: ['pickup', 'mail'] })
    expect(view.policy.unverified).toEqual(['temporaryDays', 'formalOnline', 'delivery', 'mailFeeFen'])
  })

  it('refuses a second report of the same card while one is active, and a formal report without verification', async () => {
    const h = holder()
    ok(await call(ALICE, 'report', { cityCode: GUANGZHOU, holder: h, kind: 'temporary' }))
    const before = await ports.db.dump()
    expect(code(await call(ALICE, 'report', { cityCode: GUANGZHOU, holder: h, kind: 'temporary' }))).toBe('LOSS_ALREADY_REPORTED')
    expect(code(await call(ALICE, 'report', { cityCode: GUANGZHOU, holder: holder(), kind: 'formal' }))).toBe('LOSS_VERIFICATION_REQUIRED')
    const forged = `vt.${ports.clock.now().getTime() + 60_000}.${'0'.repeat(64)}`
    expect(code(await call(ALICE, 'report', { cityCode: GUANGZHOU, holder: holder(), kind: 'formal', verificationToken: forged }))).toBe('LOSS_VERIFICATION_FAILED')
    // A token is bound to the user and the ID number it verified.
    const other = holder()
    expect(code(await call(BOB, 'report', { cityCode: GUANGZHOU, holder: other, kind: 'formal', verificationToken: await token(ALICE, other) }))).toBe('LOSS_VERIFICATION_FAILED')
    expect(code(await call(ALICE, 'report', { cityCode: '441900', holder: holder(), kind: 'formal', verificationToken: 'vt.1.' + '0'.repeat(64) }))).toBe('LOSS_FORMAL_OFFLINE_ONLY')
    expect(await ports.db.dump()).toEqual(before)
  })

  it('upgrades a temporary report to formal (every function suspended), and lifts a report before any reissue', async () => {
    const h = holder()
    const temp = ok(await call(ALICE, 'report', { cityCode: GUANGZHOU, holder: h, kind: 'temporary' }))
    const up = ok(await call(ALICE, 'upgrade', { caseId: temp.caseId, verificationToken: await token(ALICE, h) }))
    expect(up).toMatchObject({ status: 'reported_formal', report: 'formal', working: [], canReissue: true, canLift: true })
    expect(up.temporaryExpiresAt).toBeUndefined()
    expect(ok(await call(ALICE, 'lift', { caseId: temp.caseId }))).toMatchObject({ status: 'lifted', frozen: [], canLift: false })
    expect(code(await call(ALICE, 'lift', { caseId: temp.caseId }))).toBe('LOSS_INVALID_TRANSITION')
  })

  it('refuses lifting once a reissue was applied for', async () => {
    const lossCase = await formal(ALICE)
    ok(await call(ALICE, 'reissue', { caseId: lossCase.caseId, orderId: await receipt(ALICE), delivery: { method: 'pickup' } }))
    const before = await stored(lossCase.caseId)
    expect(await call(ALICE, 'lift', { caseId: lossCase.caseId })).toMatchObject({ ok: false, error: { code: 'LOSS_LIFT_AFTER_REISSUE', message: '已申请补卡，不能再解除挂失：旧卡已作废，请等待新卡' } })
    expect(await stored(lossCase.caseId)).toEqual(before)
  })

  it('refuses a reissue without a formal report, or with a used, other-city, other-type or other-user receipt, each with its own code', async () => {
    const temp = ok(await call(ALICE, 'report', { cityCode: GUANGZHOU, holder: holder(), kind: 'temporary' }))
    const lossCase = await formal(ALICE)
    const reissue = async (caseId: string, orderId: string) => code(await call(ALICE, 'reissue', { caseId, orderId, delivery: { method: 'pickup' } }))
    const before = await ports.db.dump()
    expect(await reissue(temp.caseId, await receipt(ALICE))).toBe('REISSUE_NEEDS_FORMAL_REPORT')
    expect(await reissue(lossCase.caseId, await receipt(ALICE, '440300'))).toBe('RECEIPT_WRONG_CITY')
    expect(await reissue(lossCase.caseId, await receipt(ALICE, GUANGZHOU, { documentType: 'driving-licence' }))).toBe('RECEIPT_WRONG_TYPE')
    expect(await reissue(lossCase.caseId, await receipt(BOB))).toBe('RECEIPT_NOT_FOUND')
    const after = await ports.db.dump()
    // Nothing changed but the receipts this test added.
    expect(after.loss_cases).toEqual(before.loss_cases)
    expect((after.orders as Array<{ receiptUse?: unknown }>).filter((o) => o.receiptUse)).toEqual((before.orders as Array<{ receiptUse?: unknown }>)?.filter((o) => o.receiptUse) ?? [])

    const used = await receipt(ALICE)
    ok(await call(ALICE, 'reissue', { caseId: (await formal(ALICE)).caseId, orderId: used, delivery: { method: 'pickup' } }))
    expect(await reissue(lossCase.caseId, used)).toBe('RECEIPT_USED')
    expect(code(await call(BOB, 'reissue', { caseId: lossCase.caseId, orderId: await receipt(BOB), delivery: { method: 'pickup' } }))).toBe('LOSS_CASE_NOT_FOUND')
    // 东莞's notice: reissue only at the issuing bank's branches (a formal report there is offline too, so the case is moved in by hand).
    const dongguan = (await formal(ALICE)).caseId
    await ports.db.collection<LossDoc>('loss_cases').update({ _id: dongguan }, { set: { cityCode: '441900', cityName: '东莞市' } })
    expect(code(await call(ALICE, 'reissue', { caseId: dongguan, orderId: await receipt(ALICE), delivery: { method: 'pickup' } }))).toBe('REISSUE_OFFLINE_ONLY')
  })

  it('lists only usable receipts for the case, and says why the others are not', async () => {
    const lossCase = await formal(BOB)
    const good = await receipt(BOB)
    await receipt(BOB, '440300')
    const choice = ok(await call<ReceiptChoice>(BOB, 'receipts', { caseId: lossCase.caseId }))
    expect(choice.usable.map((r) => r.orderId)).toEqual(expect.arrayContaining([good]))
    expect(choice.usable.every((r) => r.cityName === '广州市')).toBe(true)
    expect(choice.unusable.map((r) => r.why)).toEqual(expect.arrayContaining(['深圳市，城市不同']))
  })

  it('never refuses a 社保卡 receipt past a validity period that has no source, and counts no days down for it', async () => {
    // No source states how long a Guangdong 社保卡 receipt stays valid: 60 days is a reference (参考有效期), not a rule.
    const lossCase = await formal(BOB)
    const old = await receipt(BOB, GUANGZHOU, { expiresInDays: -2 })
    const choice = ok(await call<ReceiptChoice>(BOB, 'receipts', { caseId: lossCase.caseId }))
    expect(choice.usable).toEqual(expect.arrayContaining([expect.objectContaining({ orderId: old, daysLeft: null })]))
    expect(choice.unusable.map((r) => r.why)).not.toContain('广州市，已过期')
  })

  it('lets a temporary report lapse on time, after a reminder the day before (injected clock)', async () => {
    const start = ports.clock.now().toISOString()
    await grantConsent(ports, ALICE.openid, ['loss_result'])
    const temp = ok(await call(ALICE, 'report', { cityCode: '110000', holder: holder(), kind: 'temporary' }))
    const expiry = Date.parse(temp.temporaryExpiresAt as string)
    ports.setNow(new Date(expiry - 3600_000).toISOString())
    expect((await sweep(ports)).lossExpired).toBe(0)
    expect((await stored(temp.caseId)).status).toBe('reported_temporary')
    const outbox = await ports.db.collection<{ _id: string; caseId: string; data: { thing5: { value: string } } }>('outbox').find({ caseId: temp.caseId }, { limit: 10 })
    expect(outbox.map((o) => o._id).sort()).toEqual([`${temp.caseId}#0`, `${temp.caseId}#expiring`])
    ports.setNow(new Date(expiry).toISOString())
    expect((await sweep(ports)).lossExpired).toBeGreaterThanOrEqual(1)
    expect(ok(await call(ALICE, 'get', { caseId: temp.caseId }))).toMatchObject({ status: 'expired', statusLabel: '临时挂失已失效', frozen: [] })
    expect(await ports.db.collection('outbox').count({ caseId: temp.caseId })).toBe(3)
    ports.setNow(start)
  })

  it('uses a receipt once under 20 simultaneous reissue requests, across two cases', async () => {
    const a = await formal(ALICE)
    const b = await formal(ALICE)
    const orderId = await receipt(ALICE)
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => call(ALICE, 'reissue', { caseId: (i % 2 ? a : b).caseId, orderId, delivery: { method: 'pickup' } })))
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(replies.filter((r) => !r.ok).map(code))).toEqual(new Set(['RECEIPT_USED', 'LOSS_INVALID_TRANSITION'].filter((c) => replies.some((r) => code(r) === c))))
    const cases = [await stored(a.caseId), await stored(b.caseId)]
    expect(cases.filter((c) => c.status === 'reissue_requested')).toHaveLength(1)
    const order = (await ports.db.collection<OrderDoc>('orders').get(orderId)) as OrderDoc
    expect(order.receiptUse?.caseId).toBe(cases.find((c) => c.status === 'reissue_requested')?._id)
  })

  it('is processed by the operator: approved, card made; a replayed decision applies once; the receipt shows as used', async () => {
    await grantConsent(ports, BOB.openid, ['loss_result', 'loss_result'])
    const lossCase = await formal(BOB)
    const orderId = await receipt(BOB)
    ok(await call(BOB, 'reissue', { caseId: lossCase.caseId, orderId, delivery: { method: 'mail', address: { name: '李四', phone: '13912345678', cityCode: GUANGZHOU, detail: '天河区体育西路 100 号 1 栋 101' } } }))
    expect(code(await invoke(opsFunction, { action: 'decideReissue', data: { caseId: lossCase.caseId, decision: 'approve', decisionId: 'dforged-user' } }, BOB, ports))).toBe('FORBIDDEN')
    const approve = { caseId: lossCase.caseId, decision: 'approve', decisionId: 'dapprove-0001' }
    expect(ok(await invoke(opsFunction, { action: 'decideReissue', data: approve }, OPS, ports) as Reply<{ effect: string }>).effect).toBe('applied')
    expect(ok(await invoke(opsFunction, { action: 'decideReissue', data: approve }, OPS, ports) as Reply<{ effect: string }>).effect).toBe('duplicate')
    expect(ok(await decide(lossCase.caseId, 'issue')).lossCase).toMatchObject({ status: 'card_issued', statusLabel: '已制卡', frozen: [], holderName: '陈**' })
    expect(code(await decide(lossCase.caseId, 'reject', { reason: '迟到的决定' }))).toBe('LOSS_INVALID_TRANSITION')
    const doc = await stored(lossCase.caseId)
    expect(doc.history.map((h) => h.to)).toEqual(['reported_formal', 'reissue_requested', 'reissue_approved', 'card_issued'])
    expect(JSON.stringify(doc)).not.toContain('体育西路')
    const view = await invoke((await import('../../cloudfunctions/order/order.function')).orderFunction, { action: 'get', data: { orderId } }, BOB, ports)
    expect(view).toMatchObject({ ok: true, data: { receipt: { usedFor: '社保卡补办' } } })
    await deliverOutbox(ports)
    const sent = (await ports.db.collection<{ _id: string; openid: string; data: { character_string1: { value: string }; phrase3: { value: string } } }>('wechat_sent').find({ openid: BOB.openid }, { limit: 100 })).filter((m) => m.data.character_string1.value === lossCase.caseId)
    expect(sent.length).toBeGreaterThanOrEqual(1)
    // The report, the approval and the card: one message each (the request itself is the user's own act).
    expect(await ports.db.collection('outbox').count({ caseId: lossCase.caseId })).toBe(3)
  })

  it('gives the receipt back when a reissue is rejected, so the user can apply again', async () => {
    const lossCase = await formal(ALICE)
    const orderId = await receipt(ALICE)
    ok(await call(ALICE, 'reissue', { caseId: lossCase.caseId, orderId, delivery: { method: 'pickup' } }))
    expect(code(await decide(lossCase.caseId, 'reject'))).toBe('LOSS_REASON_REQUIRED')
    expect(ok(await decide(lossCase.caseId, 'reject', { reason: '照片回执与持卡人不一致' })).lossCase).toMatchObject({ status: 'rejected', rejection: { reason: '照片回执与持卡人不一致' }, canReissue: true, canLift: false })
    expect(((await ports.db.collection<OrderDoc>('orders').get(orderId)) as OrderDoc).receiptUse).toBeNull()
    expect(ok(await call(ALICE, 'reissue', { caseId: lossCase.caseId, orderId, delivery: { method: 'pickup' } }))).toMatchObject({ status: 'reissue_requested' })
  })

  it('keeps no mail address when a rejected mail reissue is applied for again as a pickup (CloudBase would merge a plain object)', async () => {
    const lossCase = await formal(ALICE)
    const orderId = await receipt(ALICE)
    const address = { name: '陈小梅', phone: '13812345678', cityCode: GUANGZHOU, detail: '天河区体育西路 100 号' }
    ok(await call(ALICE, 'reissue', { caseId: lossCase.caseId, orderId, delivery: { method: 'mail', address } }))
    expect((await stored(lossCase.caseId)).reissue?.delivery).toMatchObject({ method: 'mail', addressSealed: expect.any(String) })
    ok(await decide(lossCase.caseId, 'reject', { reason: '地址无法投递' }))
    ok(await call(ALICE, 'reissue', { caseId: lossCase.caseId, orderId, delivery: { method: 'pickup' } }))
    expect((await stored(lossCase.caseId)).reissue?.delivery).toEqual({ method: 'pickup' })
  })
})
