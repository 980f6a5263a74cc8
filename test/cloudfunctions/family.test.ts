import { invoke } from '../../cloudfunctions/_shared/handler'
import { cardLossFunction } from '../../cloudfunctions/cardLoss/cardLoss.function'
import { cancellationFunction } from '../../cloudfunctions/cancellation/cancellation.function'
import { opsFunction } from '../../cloudfunctions/ops/ops.function'
import { orderFunction } from '../../cloudfunctions/order/order.function'
import { userFunction } from '../../cloudfunctions/user/user.function'
import type { FamilyProfileDoc } from '../../cloudfunctions/_shared/family/family.store'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import type { Reply } from '@/domain/errors'
import { FAMILY_CONSENT_VERSION, type ProfileCase, type ProfileView } from '@/domain/family/family.schema'
import type { OrderSummary } from '@/domain/order/order.view'
import type { OpsOrderDetail } from '@/domain/ops/ops.view'
import { idNumberCheckChar } from '@/domain/identity/id-number'
import { APPLICATION } from '../support/cancellations'
import { checkedPhoto } from '../support/orders'
import { ALICE, BOB, makePorts, tempDir, type TestPorts } from '../support/store'

const OPS: Caller = { openid: 'oOPS0000000000000000000000op', appid: 'wxtest' }

/** Born 2026-06-01: an infant on the test clock (2026-11-24). */
const BABY = { name: '王小宝', relation: 'child', idNumber: '440305202606011237', phone: '13800138000', consent: { by: 'guardian', version: FAMILY_CONSENT_VERSION, agreed: true } }
/** Born 1955: an adult who consents for herself. */
const MOTHER = { name: '李秀英', relation: 'parent', idNumber: '440305195507083216', phone: '13900139000', consent: { by: 'person', version: FAMILY_CONSENT_VERSION, agreed: true } }

describe('family profiles (常用办理人)', () => {
  let ports: TestPorts
  let cleanup: () => void

  beforeEach(() => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir, [OPS.openid])
  })
  afterEach(async () => {
    await ports.db.close()
    cleanup()
  })

  const user = <T>(caller: Caller, action: string, data?: unknown) => invoke(userFunction, { action, data }, caller, ports) as Promise<Reply<T>>
  const ok = <T>(reply: Reply<T>): T => {
    if (!reply.ok) throw new Error(`${reply.error.code} ${reply.error.message}`)
    return reply.data
  }
  const stored = () => ports.db.collection<FamilyProfileDoc>('family_profiles').find({}, { limit: 100 })
  const orderFor = (caller: Caller, photoId: string, who: Record<string, unknown>) =>
    invoke(orderFunction, { action: 'create', data: { documentType: 'social-security-card', cityCode: '440300', photoId, ...who } }, caller, ports) as Promise<Reply<{ orderId: string }>>

  it('adds a child with the guardian’s consent and its version, seals the ID number and phone, and lists it masked', async () => {
    const added = ok(await user<ProfileView>(ALICE, 'addProfile', BABY))
    expect(added).toMatchObject({ name: '王小宝', relation: 'child', relationLabel: '子女', idNumberMasked: '440305********1237', phoneMasked: '138****8000', ageBand: 'infant', consent: { by: 'guardian', byLabel: '监护人同意', version: FAMILY_CONSENT_VERSION, at: '2026-11-24T04:00:00.000Z' } })
    expect(added.profileId).toMatch(/^fp_[0-9a-f]{24}$/)
    expect(ok(await user<ProfileView[]>(ALICE, 'profiles'))).toEqual([added])
    const dump = JSON.stringify(await ports.db.dump())
    expect(dump).not.toContain(BABY.idNumber)
    expect(dump).not.toContain(BABY.phone)
    expect((await stored())[0]).toMatchObject({ openid: ALICE.openid, consent: { by: 'guardian', version: FAMILY_CONSENT_VERSION } })
  })

  it('refuses, writing nothing: a child under 14 consented by the child, missing consent, a stale consent text, a bad ID number, the same person twice, a ninth profile', async () => {
    const refused = async (data: unknown, code: string, message?: string) => {
      const before = await ports.db.dump()
      const reply = await user(ALICE, 'addProfile', data)
      expect(reply).toMatchObject({ ok: false, error: { code, ...(message ? { message } : {}) } })
      expect(await ports.db.dump()).toEqual(before)
    }
    await refused({ ...BABY, consent: { ...BABY.consent, by: 'person' } }, 'PROFILE_CONSENT_INVALID', '不满十四周岁的未成年人，需由父母或其他监护人同意')
    await refused({ ...BABY, consent: undefined }, 'VALIDATION_FAILED', '请确认已取得本人或监护人的同意')
    await refused({ ...BABY, consent: { ...BABY.consent, agreed: false } }, 'VALIDATION_FAILED', '请确认已取得本人或监护人的同意')
    await refused({ ...BABY, consent: { ...BABY.consent, version: '2020-01-01' } }, 'VALIDATION_FAILED', '授权说明已更新，请重新阅读后同意')
    await refused({ ...BABY, idNumber: '440305202606011230' }, 'VALIDATION_FAILED', '身份证号码校验位不正确，请逐位核对')
    await refused({ ...MOTHER, relation: 'self', consent: { ...MOTHER.consent, by: 'guardian' } }, 'PROFILE_CONSENT_INVALID')
    ok(await user(ALICE, 'addProfile', BABY))
    await refused(BABY, 'PROFILE_DUPLICATE', '这位办理人已经保存过了')
    const more = ['440305199001017770', '110105194912310038', '110105194912310046', '110105194912310054', '110105194912310062', '110105194912310070', '110105194912310089']
    for (const [i, idNumber] of more.entries()) ok(await user(ALICE, 'addProfile', { ...MOTHER, name: `李秀${'一二三四五六七'[i]}`, idNumber }))
    expect(ok(await user<ProfileView[]>(ALICE, 'profiles'))).toHaveLength(8)
    await refused({ ...MOTHER }, 'PROFILE_LIMIT_REACHED', '最多保存 8 位常用办理人，请先删除不再需要的')
  })

  it('keeps the cap under concurrent adds: with 7 saved, 4 adds at once leave at most 8, and every add answered ok is stored', async () => {
    const person = (i: number) => {
      const first17 = `11010519600101${String(100 + i)}`
      return { ...MOTHER, name: `李秀${"一二三四五六七八九十零"[i]}`, idNumber: `${first17}${idNumberCheckChar(first17)}` }
    }
    for (let i = 0; i < 7; i += 1) ok(await user(ALICE, 'addProfile', person(i)))
    const replies = await Promise.all([7, 8, 9, 10].map((i) => user<ProfileView>(ALICE, 'addProfile', person(i))))
    const accepted = replies.filter((r) => r.ok)
    for (const r of replies) if (!r.ok) expect(r.error.code).toBe('PROFILE_LIMIT_REACHED')
    const saved = await stored()
    expect(saved.length).toBeLessThanOrEqual(8)
    expect(saved).toHaveLength(7 + accepted.length)
    for (const r of accepted) if (r.ok) expect(saved.map((d) => d._id)).toContain(r.data.profileId)
  })

  it('fills the applicant of a receipt order from the profile on the server: the order shows the child masked and is listed under the child', async () => {
    const baby = ok(await user<ProfileView>(ALICE, 'addProfile', BABY))
    const photoId = await checkedPhoto(ports, ALICE)
    const { orderId } = ok(await orderFor(ALICE, photoId, { profileId: baby.profileId }))
    const doc = (await ports.db.collection<OrderDoc>('orders').get(orderId)) as OrderDoc
    expect(doc).toMatchObject({ profileId: baby.profileId, applicant: { name: '王小宝', idNumberMasked: '440305********1237', phoneMasked: '138****8000', relation: '子女' } })
    const list = ok((await invoke(orderFunction, { action: 'list', data: {} }, ALICE, ports)) as Reply<OrderSummary[]>)
    expect(list[0]).toMatchObject({ orderId, applicantMasked: '王**', applicantRelation: '子女' })
    expect(ok(await user<ProfileCase[]>(ALICE, 'profileCases', { profileId: baby.profileId }))).toEqual([
      { kind: 'order', id: orderId, title: '社保卡照片回执 · 广东省 · 深圳市', statusLabel: '待支付', createdAt: '2026-11-24T04:00:00.000Z' },
    ])
    // Operators see whose case it is, masked.
    const detail = ok((await invoke(opsFunction, { action: 'detail', data: { orderId } }, OPS, ports)) as Reply<OpsOrderDetail>)
    expect(detail).toMatchObject({ applicantName: '王**', idNumberMasked: '440305********1237', phoneMasked: '138****8000', applicantRelation: '子女' })
    expect(JSON.stringify(detail)).not.toContain(BABY.idNumber)
    // Both the typed applicant and a profile at once, or neither, is refused.
    expect(await orderFor(ALICE, photoId, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请填写申请人信息' } })
  })

  it('fills the insured person of a cancellation and the holder of a temporary card-loss report; a formal report for someone else is refused with its reason', async () => {
    const mother = ok(await user<ProfileView>(ALICE, 'addProfile', MOTHER))
    const { insured: _typed, ...rest } = APPLICATION
    const app = ok((await invoke(cancellationFunction, { action: 'save', data: { ...rest, profileId: mother.profileId, bank: { ...APPLICATION.bank, holderName: '李秀英' } } }, ALICE, ports)) as Reply<{ applicationId: string; insured: { name: string } }>)
    expect(app.insured.name).toBe('李秀英')
    const loss = ok((await invoke(cardLossFunction, { action: 'report', data: { cityCode: '440100', profileId: mother.profileId, kind: 'temporary' } }, ALICE, ports)) as Reply<{ caseId: string }>)
    const formal = await invoke(cardLossFunction, { action: 'report', data: { cityCode: '440300', profileId: mother.profileId, kind: 'formal' } }, ALICE, ports)
    expect(formal).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_ALLOWED', message: expect.stringContaining('正式挂失需持卡人本人') } })
    const cases = ok(await user<ProfileCase[]>(ALICE, 'profileCases', { profileId: mother.profileId }))
    expect(cases.map((c) => [c.kind, c.id]).sort()).toEqual([['cancellation', app.applicationId], ['card_loss', loss.caseId]].sort())
  })

  it('user B can never read, use or delete user A’s profile: every entry answers not found and nothing changes', async () => {
    const baby = ok(await user<ProfileView>(ALICE, 'addProfile', BABY))
    const bobPhoto = await checkedPhoto(ports, BOB, 2)
    const before = await ports.db.dump()
    const notFound = { ok: false, error: { code: 'PROFILE_NOT_FOUND', message: '常用办理人不存在或已被删除' } }
    expect(ok(await user<ProfileView[]>(BOB, 'profiles'))).toEqual([])
    expect(await user(BOB, 'profileCases', { profileId: baby.profileId })).toEqual(notFound)
    expect(await user(BOB, 'removeProfile', { profileId: baby.profileId })).toEqual(notFound)
    expect(await orderFor(BOB, bobPhoto, { profileId: baby.profileId })).toEqual(notFound)
    const { insured: _typed, ...rest } = APPLICATION
    expect(await invoke(cancellationFunction, { action: 'save', data: { ...rest, profileId: baby.profileId, bank: { ...APPLICATION.bank, holderName: '王小宝' } } }, BOB, ports)).toEqual(notFound)
    expect(await invoke(cancellationFunction, { action: 'save', data: { ...APPLICATION, reason: 'death', heirProfileId: baby.profileId, heirRelation: 'child' } }, BOB, ports)).toEqual(notFound)
    expect(await invoke(cardLossFunction, { action: 'report', data: { cityCode: '440100', profileId: baby.profileId, kind: 'temporary' } }, BOB, ports)).toEqual(notFound)
    // The payload cannot claim to be A.
    expect(await invoke(userFunction, { action: 'removeProfile', data: { profileId: baby.profileId, openid: ALICE.openid }, userInfo: { openId: ALICE.openid } }, BOB, ports)).toEqual(notFound)
    const bobExport = ok(await user<Record<string, unknown>>(BOB, 'exportData'))
    expect(bobExport.familyProfiles).toEqual([])
    expect(JSON.stringify(bobExport)).not.toContain('王小宝')
    expect(ok(await user<{ deleted: Record<string, number> }>(BOB, 'deleteAccount', { confirm: '删除我的数据' })).deleted.family_profiles).toBe(0)
    const after = await ports.db.dump()
    expect(after.family_profiles).toEqual(before.family_profiles)
    expect(after.orders).toEqual(before.orders)
    expect(after.cancellations).toEqual(before.cancellations)
    expect(after.loss_cases).toEqual(before.loss_cases)
  })

  it('export opens the owner’s profiles; removing one deletes it from the store and the export and unlinks its cases', async () => {
    const baby = ok(await user<ProfileView>(ALICE, 'addProfile', BABY))
    const { orderId } = ok(await orderFor(ALICE, await checkedPhoto(ports, ALICE), { profileId: baby.profileId }))
    const exported = ok(await user<{ familyProfiles: unknown[] }>(ALICE, 'exportData'))
    expect(exported.familyProfiles).toEqual([
      { profileId: baby.profileId, name: '王小宝', relation: '子女', idNumber: BABY.idNumber, phone: BABY.phone, consent: { by: 'guardian', version: FAMILY_CONSENT_VERSION, at: '2026-11-24T04:00:00.000Z' }, createdAt: '2026-11-24T04:00:00.000Z' },
    ])
    expect(ok(await user(ALICE, 'removeProfile', { profileId: baby.profileId }))).toEqual({ removed: true })
    expect(await stored()).toEqual([])
    expect(JSON.stringify(await ports.db.dump())).not.toContain(baby.profileId)
    expect(ok(await user<{ familyProfiles: unknown[] }>(ALICE, 'exportData')).familyProfiles).toEqual([])
    // The order is a record of what was filed: it keeps the applicant, without the link.
    expect(await ports.db.collection<OrderDoc>('orders').get(orderId)).toMatchObject({ profileId: null, applicant: { name: '王小宝' } })
    expect(await user(ALICE, 'removeProfile', { profileId: baby.profileId })).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } })
  })

  it('deletes the profiles with the account (删除我的数据)', async () => {
    ok(await user(ALICE, 'addProfile', BABY))
    ok(await user(ALICE, 'addProfile', MOTHER))
    const report = ok(await user<{ deleted: Record<string, number> }>(ALICE, 'deleteAccount', { confirm: '删除我的数据' }))
    expect(report.deleted.family_profiles).toBe(2)
    expect(await stored()).toEqual([])
  })
})
