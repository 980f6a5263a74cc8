import { randomBytes } from 'node:crypto'
import { decryptField } from '../../cloudfunctions/_shared/crypto'
import { CANCELLATION_KIND } from '../../cloudfunctions/_shared/cancellation/cancellation.kind'
import { moveCase } from '../../cloudfunctions/_shared/case/move'
import { deliverOutbox } from '../../cloudfunctions/_shared/notify/outbox'
import { sweep } from '../../cloudfunctions/_shared/sweep/sweeper'
import type { ApplicationView } from '@/domain/cancellation/cancellation.view'
import { ALICE, BOB, makePorts, tempDir, type TestPorts } from '../support/store'
import { APPLICATION, CARD_DIGITS, TINY_PDF, TINY_PNG, attachProof, call, ok, ops, saveDraft, stored, submitted } from '../support/cancellations'

const OPS = { openid: 'oOPS0000000000000000000000op', appid: 'wxtest' }

describe('cancellation applications: draft, proofs, submit, review, resubmit', () => {
  let ports: TestPorts
  let cleanup: () => void

  beforeAll(() => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir, [OPS.openid])
  })
  afterAll(() => cleanup())

  const decide = (applicationId: string, round: number, decision: 'approve' | 'reject', extra: Record<string, unknown> = {}) =>
    ops<{ effect: string; application: ApplicationView }>(ports, OPS, 'decideCancellation', { applicationId, round, decision, decisionId: `d${randomBytes(6).toString('hex')}`, ...extra })
  const sent = async (applicationId: string) =>
    (await ports.db.collection<{ _id: string; data: { character_string1: { value: string }; phrase3: { value: string }; thing5: { value: string } } }>('wechat_sent').find({}, { limit: 1000 })).filter((m) => m.data.character_string1.value === applicationId)

  it('saves a draft with the ID number, phone and card sealed, and shows them masked', async () => {
    const view = await saveDraft(ports, ALICE)
    expect(view).toMatchObject({
      status: 'draft',
      cityName: '深圳市',
      insured: { name: '陈小梅', idNumberMasked: '110105********002X' },
      phoneMasked: '139****5678',
      bank: { bankName: '中国工商银行', cardMasked: '**** 0128', holderName: '陈小梅' },
      missing: ['id_card', 'termination_application'],
      canSubmit: false,
      reviewDays: 15,
    })
    const doc = await stored(ports, view.applicationId)
    const text = JSON.stringify(doc)
    for (const plain of [APPLICATION.insured.idNumber, APPLICATION.phone, CARD_DIGITS]) expect(text).not.toContain(plain)
    expect(decryptField(ports.config.dataKey, doc.bank.cardSealed)).toBe(CARD_DIGITS)
    expect(decryptField(ports.config.dataKey, doc.insured.idNumberSealed)).toBe(APPLICATION.insured.idNumber)
  })

  it('makes one draft per request id: a save sent again edits that draft, five at once make one', async () => {
    const CAROL = { openid: 'oCAROL00000000000000000000ca', appid: 'wxtest' }
    const count = () => ports.db.collection('cancellations').count({ openid: CAROL.openid })
    const before = await count()
    const first = await saveDraft(ports, CAROL, { requestId: 'save-0001-retry' })
    const again = await saveDraft(ports, CAROL, { requestId: 'save-0001-retry', phone: '13700001111' })
    expect(again.applicationId).toBe(first.applicationId)
    expect(again.phoneMasked).toBe('137****1111')
    const burst = await Promise.all(Array.from({ length: 5 }, () => call<ApplicationView>(ports, CAROL, 'save', { ...APPLICATION, requestId: 'save-0002-burst' })))
    expect(burst.every((r) => r.ok)).toBe(true)
    expect(new Set(burst.map((r) => (r.ok ? r.data.applicationId : '')))).toHaveProperty('size', 1)
    expect(await count()).toBe(before + 2)
  })

  it('refuses what the wizard would refuse, a card in someone else’s name and bad fields, writing nothing', async () => {
    const before = await ports.db.dump()
    const save = (data: object) => call(ports, ALICE, 'save', { ...APPLICATION, ...data })
    expect(await save({ reason: 'leave' })).toMatchObject({ ok: false, error: { code: 'CANCELLATION_NOT_ELIGIBLE' } })
    expect(await save({ accountState: 'arrears' })).toMatchObject({ ok: false, error: { code: 'CANCELLATION_NOT_ELIGIBLE', message: expect.stringContaining('欠费') } })
    expect(await save({ cityCode: '110000' })).toMatchObject({ ok: false, error: { code: 'CANCELLATION_OFFLINE_ONLY', message: expect.stringContaining('北京市暂不支持线上办理') } })
    expect(await save({ cityCode: '440000' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请选择具体城市（例如深圳市），不能只选省份' } })
    expect(await save({ bank: { ...APPLICATION.bank, holderName: '李四' } })).toMatchObject({ ok: false, error: { code: 'BANK_HOLDER_MISMATCH' } })
    expect(await save({ bank: { ...APPLICATION.bank, cardNumber: '6222021234567890127' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ path: 'bank.cardNumber', message: '银行卡号校验不通过，请逐位核对' }] } })
    expect(await save({ insured: { name: '陈小梅', idNumber: '110105194912310021' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ path: 'insured.idNumber' }] } })
    expect(await ports.db.dump()).toEqual(before)
  })

  it('blocks submission while a required proof is missing, naming it, and writes nothing', async () => {
    const draft = await saveDraft(ports, ALICE)
    ok(await attachProof(ports, ALICE, draft.applicationId, 'id_card', TINY_PNG, 'png'))
    const before = await stored(ports, draft.applicationId)
    const reply = await call(ports, ALICE, 'submit', { applicationId: draft.applicationId })
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'MATERIALS_MISSING', message: '还缺少：终止养老保险关系书面申请', details: [{ path: 'materials.termination_application', message: '请上传终止养老保险关系书面申请' }] },
    })
    expect(await stored(ports, draft.applicationId)).toEqual(before)
  })

  it('takes JPG, PNG and PDF proofs by their bytes, and deletes anything else or anything too large', async () => {
    const draft = await saveDraft(ports, ALICE)
    const svg = await attachProof(ports, ALICE, draft.applicationId, 'id_card', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'png')
    expect(svg).toMatchObject({ ok: false, error: { code: 'MATERIAL_TYPE_UNSUPPORTED', message: '材料只支持 JPG、PNG 图片或 PDF 文件' } })
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(5 * 1024 * 1024)])
    expect(await attachProof(ports, ALICE, draft.applicationId, 'id_card', big, 'png')).toMatchObject({ ok: false, error: { code: 'MATERIAL_TOO_LARGE' } })
    const pdfOk = Buffer.concat([TINY_PDF, Buffer.alloc(6 * 1024 * 1024)])
    const view = ok(await attachProof(ports, ALICE, draft.applicationId, 'termination_application', pdfOk, 'pdf'))
    expect(view.materials).toEqual([expect.objectContaining({ kind: 'termination_application', mime: 'application/pdf', bytes: pdfOk.length, url: expect.stringContaining('sig=') })])
    const files = await ports.db.collection('file_owners').count({})
    expect(files).toBe(0) // uploads in this test go straight to storage; only the accepted one is referenced
    const folder = (await stored(ports, draft.applicationId)).materials[0].fileID.split('/').slice(0, -1).join('/')
    const { readdirSync } = await import('node:fs')
    const local = (ports.files as unknown as { root: string }).root
    expect(readdirSync(`${local}/${folder.replace(/^cloud:\/\/[^/]+\//, '')}`)).toHaveLength(1)
  })

  it('keeps another user out of the application and its files', async () => {
    const draft = await saveDraft(ports, ALICE)
    const mine = ok(await attachProof(ports, ALICE, draft.applicationId, 'id_card'))
    const before = await ports.db.dump()
    const id = { applicationId: draft.applicationId }
    for (const [action, data] of [
      ['get', id],
      ['submit', id],
      ['uploadTarget', { ...id, kind: 'id_card', ext: 'pdf' }],
      ['removeMaterial', { ...id, materialId: mine.materials[0].materialId }],
      ['save', { ...APPLICATION, ...id }],
    ] as const) {
      expect(await call(ports, BOB, action, data)).toMatchObject({ ok: false, error: { code: 'APPLICATION_NOT_FOUND' } })
    }
    // Bob attaching Alice's uploaded file to his own application is refused: it is not in his folder.
    const bobs = await saveDraft(ports, BOB, { insured: { name: '李四', idNumber: '110105197001010011' }, bank: { ...APPLICATION.bank, holderName: '李四' } })
    const stolen = await call(ports, BOB, 'attach', { applicationId: bobs.applicationId, kind: 'id_card', fileID: (await stored(ports, draft.applicationId)).materials[0].fileID })
    expect(stolen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await stored(ports, bobs.applicationId)).materials).toEqual([])
    expect((await call(ports, BOB, 'list', {})) as { data: unknown[] }).toMatchObject({ ok: true, data: [expect.objectContaining({ applicationId: bobs.applicationId })] })
    const after = await ports.db.dump()
    const alices = (dump: typeof before) => (dump.cancellations as Array<{ _id: string }>).filter((d) => d._id === draft.applicationId)
    expect(alices(after)).toEqual(alices(before))
    // And a user cannot act as the handling office.
    expect(await ops(ports, ALICE, 'decideCancellation', { applicationId: draft.applicationId, round: 1, decision: 'approve', decisionId: 'dforged1234' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ops(ports, BOB, 'cancellationDetail', id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('goes submitted → reviewing → rejected (reason) → resubmitted with the missing proof → approved with the refund', async () => {
    const first = await submitted(ports, ALICE)
    expect(first).toMatchObject({ status: 'reviewing', round: 1, canEdit: false })
    expect(first.timeline.map((t) => t.to)).toEqual(['draft', 'submitted', 'reviewing'])

    const rejected = ok(await decide(first.applicationId, 1, 'reject', { reason: '请补充户口注销证明' }))
    expect(rejected).toMatchObject({ effect: 'applied', application: { status: 'rejected', rejection: { reason: '请补充户口注销证明' }, canEdit: true } })
    expect(await call(ports, ALICE, 'get', { applicationId: first.applicationId })).toMatchObject({ ok: true, data: { status: 'rejected', statusLabel: '审核未通过', rejection: { reason: '请补充户口注销证明' } } })

    ok(await attachProof(ports, ALICE, first.applicationId, 'id_card', TINY_PNG, 'png'))
    const again = ok(await call<ApplicationView>(ports, ALICE, 'submit', { applicationId: first.applicationId, subscribed: ['application_result'] }))
    expect(again).toMatchObject({ status: 'reviewing', round: 2 })

    // A late result about round 1 arrives after the resubmission: refused, nothing moves.
    const beforeStale = await stored(ports, first.applicationId)
    expect(await decide(first.applicationId, 1, 'reject', { reason: '迟到的旧结果' })).toMatchObject({ ok: false, error: { code: 'APPLICATION_STALE_RESULT' } })
    expect(await stored(ports, first.applicationId)).toEqual(beforeStale)

    const decisionId = 'dapprove-round2'
    const approve = { applicationId: first.applicationId, round: 2, decision: 'approve', decisionId, refund: { amountFen: 1234567, date: '2026-12-01' } }
    const approved = ok(await ops<{ effect: string; application: ApplicationView }>(ports, OPS, 'decideCancellation', approve))
    expect(approved).toMatchObject({ effect: 'applied', application: { status: 'approved', statusLabel: '已注销', refund: { amountFen: 1234567, amountLabel: '¥12345.67', date: '2026-12-01' } } })

    expect(approved.application.insured.name).toBe('陈**')
    // The same result delivered again, five times: applied once.
    for (let i = 0; i < 5; i++) expect(ok(await ops<{ effect: string }>(ports, OPS, 'decideCancellation', approve)).effect).toBe('duplicate')
    // A rejection of round 2 arriving after the approval does not move it back.
    expect(await decide(first.applicationId, 2, 'reject', { reason: '乱序到达' })).toMatchObject({ ok: false, error: { code: 'APPLICATION_INVALID_TRANSITION' } })
    const final = await stored(ports, first.applicationId)
    expect(final.status).toBe('approved')
    expect(final.history.map((h) => h.to)).toEqual(['draft', 'submitted', 'reviewing', 'rejected', 'submitted', 'reviewing', 'approved'])
    expect(final.decisions.map((d) => [d.round, d.decision])).toEqual([[1, 'reject'], [2, 'approve']])

    await deliverOutbox(ports)
    await sweep(ports)
    const messages = await sent(first.applicationId)
    expect(messages.map((m) => m.data.phrase3.value).sort()).toEqual(['审核未通过', '已注销'].sort())
    const byResult = Object.fromEntries(messages.map((m) => [m.data.phrase3.value, m.data.thing5.value]))
    expect(byResult['审核未通过']).toBe('请补充户口注销证明，请补充后重新提交')
    expect(byResult['已注销']).toContain('0128')
    const audit = await ports.db.collection<{ _id: string; action: string; target: string }>('audit_log').find({ target: first.applicationId }, { limit: 10 })
    expect(audit.map((a) => a.action).sort()).toEqual(['cancellation.approve', 'cancellation.reject'])
  })

  it('submits once under 20 simultaneous taps', async () => {
    const draft = await saveDraft(ports, ALICE)
    ok(await attachProof(ports, ALICE, draft.applicationId, 'id_card'))
    ok(await attachProof(ports, ALICE, draft.applicationId, 'termination_application'))
    const replies = await Promise.all(Array.from({ length: 20 }, () => call(ports, ALICE, 'submit', { applicationId: draft.applicationId })))
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'APPLICATION_INVALID_TRANSITION')).toBe(true)
    const doc = await stored(ports, draft.applicationId)
    expect(doc).toMatchObject({ status: 'reviewing', round: 1 })
    expect(doc.history.filter((h) => h.to === 'submitted')).toHaveLength(1)
  })

  it('lets the sweeper hand on an application a crash left in `submitted`', async () => {
    const draft = await saveDraft(ports, ALICE)
    ok(await attachProof(ports, ALICE, draft.applicationId, 'id_card'))
    ok(await attachProof(ports, ALICE, draft.applicationId, 'termination_application'))
    await moveCase(ports, CANCELLATION_KIND, await stored(ports, draft.applicationId), 'submit', 'user', { set: { round: 1 } })
    expect((await stored(ports, draft.applicationId)).status).toBe('submitted')
    const report = await sweep(ports)
    expect(report.forwarded).toBe(1)
    expect((await stored(ports, draft.applicationId)).status).toBe('reviewing')
  })

  it('shows operators a masked queue and detail with the proofs', async () => {
    const app = await submitted(ports, ALICE)
    const queue = ok(await ops<Array<{ applicationId: string; insuredName: string; idNumberMasked: string }>>(ports, OPS, 'cancellations', {}))
    expect(queue).toEqual(expect.arrayContaining([expect.objectContaining({ applicationId: app.applicationId, insuredName: '陈**', idNumberMasked: '110105********002X' })]))
    const detail = ok(await ops<{ insured: { name: string }; materials: Array<{ url?: string }>; bank: { holderName: string; cardMasked: string } }>(ports, OPS, 'cancellationDetail', { applicationId: app.applicationId }))
    expect(detail.insured.name).toBe('陈**')
    expect(detail.bank).toMatchObject({ holderName: '陈**', cardMasked: '**** 0128' })
    expect(detail.materials.every((m) => m.url?.includes('sig='))).toBe(true)
    expect(JSON.stringify(detail)).not.toContain(CARD_DIGITS)
    const board = ok(await ops<{ cancellations: number }>(ports, OPS, 'board', {}))
    expect(board.cancellations).toBeGreaterThanOrEqual(1)
  })
})
