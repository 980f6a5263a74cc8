import { existsSync } from 'node:fs'
import { invoke } from '../../cloudfunctions/_shared/handler'
import { applyRetention } from '../../cloudfunctions/_shared/privacy/retention'
import { cardLossFunction } from '../../cloudfunctions/cardLoss/cardLoss.function'
import { userFunction } from '../../cloudfunctions/user/user.function'
import { PRIVACY_POLICY_VERSION } from '@/domain/privacy/retention'
import type { Reply } from '@/domain/errors'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import { APPLICATION, CARD_DIGITS, TINY_PNG, attachProof, ok, saveDraft, stored, submitted, ops } from '../support/cancellations'
import { APPLICANT, checkedPhoto, createOrder, deliver, order, payAtCashier, result } from '../support/orders'
import { makePorts, tempDir, type TestPorts } from '../support/store'

const OPS = { openid: 'oOPS0000000000000000000000op', appid: 'wxtest' }
const CAROL: Caller = { openid: 'oCAROL00000000000000000000c', appid: 'wxtest' }
const DAN: Caller = { openid: 'oDAN0000000000000000000000d', appid: 'wxtest' }
const DAY = 24 * 3600_000

/** Collections kept by the outside parties the emulator stands in for (WeChat's message log, the pay provider), and its login. */
const OUTSIDE = new Set(['wechat_sent', 'cashier', 'cashier_refunds', 'dev_users'])

describe('personal data: encryption at rest, export, deletion, retention', () => {
  let ports: TestPorts
  let cleanup: () => void
  let dir: string

  beforeAll(() => {
    const t = tempDir()
    cleanup = t.cleanup
    dir = t.dir
    ports = makePorts(t.dir, [OPS.openid])
  })
  afterAll(() => cleanup())

  const user = <T>(caller: Caller, action: string, data?: unknown) => invoke(userFunction, { action, data }, caller, ports) as Promise<Reply<T>>
  const fileExists = (fileID: string) => existsSync(`${dir}/files/${fileID.replace(/^cloud:\/\/[^/]+\//, '')}`)

  /** One of everything: a paid and approved order, an unpaid order, a cancellation with proofs, a loss report. */
  async function everything(caller: Caller, cardHolderId = '11010519491231002X') {
    const paid = await createOrder(ports, caller, await checkedPhoto(ports, caller))
    await payAtCashier(ports, paid.orderId)
    await deliver(ports, await result(ports, paid.orderId, 'approved'))
    const unpaid = await createOrder(ports, caller, await checkedPhoto(ports, caller, 3))
    const app = await submitted(ports, caller)
    const loss = (await invoke(cardLossFunction, { action: 'report', data: { cityCode: '440100', holder: { name: '陈小梅', idNumber: cardHolderId }, kind: 'temporary' } }, caller, ports)) as Reply<{ caseId: string }>
    await user(caller, 'get')
    return { paid: paid.orderId, unpaid: unpaid.orderId, app: app.applicationId, loss: ok(loss).caseId }
  }

  it('stores ID numbers, phones and card numbers only as ciphertext: a dump of the store holds none in the clear', async () => {
    await everything(CAROL)
    const dump = JSON.stringify(await ports.db.dump())
    for (const plain of [APPLICANT.idNumber, APPLICANT.phone, APPLICATION.phone, CARD_DIGITS, '11010519491231002X']) expect(dump).not.toContain(plain)
    expect(dump).toMatch(/"idNumberSealed":"v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"/)
  })

  it('records consent with the policy version, and refuses a stale version', async () => {
    expect(await user(CAROL, 'consent', { version: '2020-01-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(ok(await user<{ consent: { version: string } }>(CAROL, 'consent', { version: PRIVACY_POLICY_VERSION })).consent.version).toBe(PRIVACY_POLICY_VERSION)
    expect(ok(await user<{ consent: { version: string }; retention: Record<string, number> }>(CAROL, 'privacy'))).toMatchObject({ consent: { version: PRIVACY_POLICY_VERSION }, retention: { unpaidPhotoDays: 7, originalAfterFinalDays: 30, receiptAfterExpiryDays: 30 } })
  })

  it('exports the caller’s own data, opened, and nobody else’s', async () => {
    const data = ok(await user<Record<string, Array<Record<string, unknown>>>>(CAROL, 'exportData'))
    expect(data.orders).toHaveLength(2)
    expect(data.orders[0]).toMatchObject({ applicant: { idNumber: APPLICANT.idNumber, phone: APPLICANT.phone } })
    expect(data.cancellations[0]).toMatchObject({ bank: { cardNumber: CARD_DIGITS }, insured: { idNumber: APPLICATION.insured.idNumber } })
    expect(data.cardLoss).toHaveLength(1)
    const other = ok(await user<Record<string, unknown[]>>(DAN, 'exportData'))
    expect(other.orders).toEqual([])
    expect(JSON.stringify(other)).not.toContain(APPLICANT.idNumber)
  })

  it('deletes an account: no document or file of the user is left, except the anonymised payment record', async () => {
    const ids = await everything(DAN, '110105197001010011')
    const paidBefore = await order(ports, ids.paid)
    const danFiles = [paidBefore.photoFileID, ...(await stored(ports, ids.app)).materials.map((m) => m.fileID)]
    expect(danFiles.every(fileExists)).toBe(true)
    expect(await user(DAN, 'deleteAccount', { confirm: '删除' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const report = ok(await user<{ anonymisedPayments: number; files: number }>(DAN, 'deleteAccount', { confirm: '删除我的数据' }))
    expect(report.anonymisedPayments).toBe(1)
    const dump = await ports.db.dump()
    for (const [name, docs] of Object.entries(dump)) {
      if (OUTSIDE.has(name)) continue
      expect({ name, hit: JSON.stringify(docs).includes(DAN.openid) }).toEqual({ name, hit: false })
    }
    expect(danFiles.some(fileExists)).toBe(false)
    const kept = await order(ports, ids.paid)
    expect(kept).toMatchObject({ _id: ids.paid, amountFen: paidBefore.amountFen, payment: paidBefore.payment, applicant: null, photoFileID: '' })
    expect(kept.openid).toMatch(/^deleted_/)
    expect(await order(ports, ids.unpaid)).toBeNull()
    // Carol's data is untouched.
    expect(ok(await user<Record<string, unknown[]>>(CAROL, 'exportData')).orders).toHaveLength(2)
  })

  it('applies the retention periods on time (injected clock)', async () => {
    const start = ports.clock.now()
    const eve = { openid: 'oEVE0000000000000000000000e', appid: 'wxtest' }
    const unpaid = await createOrder(ports, eve, await checkedPhoto(ports, eve))
    const unusedPhoto = await checkedPhoto(ports, eve, 3)
    const approved = await createOrder(ports, eve, await checkedPhoto(ports, eve, 4))
    await payAtCashier(ports, approved.orderId)
    await deliver(ports, await result(ports, approved.orderId, 'approved'))
    const draft = await saveDraft(ports, eve)
    ok(await attachProof(ports, eve, draft.applicationId, 'id_card', TINY_PNG, 'png'))
    ok(await attachProof(ports, eve, draft.applicationId, 'termination_application'))
    const app = ok(await invoke((await import('../../cloudfunctions/cancellation/cancellation.function')).cancellationFunction, { action: 'submit', data: { applicationId: draft.applicationId } }, eve, ports)) as { round: number }
    ok(await ops(ports, OPS, 'decideCancellation', { applicationId: draft.applicationId, round: app.round, decision: 'approve', decisionId: 'dretention01' }))
    const unpaidFile = (await order(ports, unpaid.orderId)).photoFileID
    const unusedFile = (await ports.db.collection<{ _id: string; fileID: string }>('photos').get(unusedPhoto))!.fileID
    const proofFiles = (await stored(ports, draft.applicationId)).materials.map((m) => m.fileID)
    const receiptExpiry = Date.parse((await order(ports, approved.orderId)).receipt!.expiresAt)

    ports.setNow(new Date(start.getTime() + 7 * DAY - 60_000).toISOString())
    expect(await applyRetention(ports)).toMatchObject({ unpaidPhotos: 0, unorderedPhotos: 0 })
    expect(fileExists(unpaidFile) && fileExists(unusedFile)).toBe(true)

    ports.setNow(new Date(start.getTime() + 7 * DAY + 60_000).toISOString())
    const week = await applyRetention(ports)
    expect(week.unpaidPhotos).toBeGreaterThanOrEqual(1)
    expect(week.unorderedPhotos).toBeGreaterThanOrEqual(1)
    expect(fileExists(unpaidFile) || fileExists(unusedFile)).toBe(false)
    expect(await order(ports, unpaid.orderId)).toMatchObject({ photoFileID: '', photoPurged: true })
    expect(proofFiles.every(fileExists)).toBe(true)

    ports.setNow(new Date(start.getTime() + 30 * DAY + 60_000).toISOString())
    expect((await applyRetention(ports)).proofs).toBeGreaterThanOrEqual(1)
    expect(proofFiles.some(fileExists)).toBe(false)
    expect((await order(ports, approved.orderId)).photoFileID).not.toBe('')

    ports.setNow(new Date(receiptExpiry + 30 * DAY + 60_000).toISOString())
    expect((await applyRetention(ports)).expiredReceipts).toBeGreaterThanOrEqual(1)
    expect(await order(ports, approved.orderId)).toMatchObject({ photoFileID: '', receiptPurged: true, status: 'approved' })
    ports.setNow(start.toISOString())
  })
})

