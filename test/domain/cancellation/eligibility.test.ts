import { assessEligibility, DEFAULT_POLICY_NOTICE, POLICY_REFERENCE_NOTICE, requiredMaterials, type EligibilityInput } from '@/domain/cancellation/eligibility'
import { CITY_POLICIES, NATIONAL_DEFAULT, POLICY_FACTS } from '@/domain/cancellation/policy'
import { CANCEL_REASONS, MATERIALS, REASONS } from '@/domain/cancellation/reasons'
import { cityByCode } from '@/domain/region'

const SHENZHEN: EligibilityInput = { cityCode: '440300', reason: 'nationality', accountState: 'normal', realNameVerified: true }

describe('cancellation eligibility wizard', () => {
  it('answers online for 深圳 + 丧失国籍, with the written application, the proof of lost nationality, the refund and the review time', () => {
    const answer = assessEligibility(SHENZHEN)
    expect(answer).toMatchObject({ verdict: 'online', materials: ['id_card', 'termination_application', 'nationality_proof'], optionalMaterials: [], reviewDays: 15, notices: [POLICY_REFERENCE_NOTICE, REASONS.nationality.before] })
    if (answer.verdict !== 'online') throw new Error('unreachable')
    expect(answer.refund).toBe(REASONS.nationality.refund)
  })

  it.each([
    ['nationality', 'online', ['id_card', 'termination_application', 'nationality_proof']],
    ['death', 'online', ['death_cert', 'heir_id', 'kinship']],
    ['duplicate', 'online', ['id_card']],
    ['retire_short', 'online', ['id_card', 'termination_application']],
    ['abroad', 'ineligible', undefined],
    ['leave', 'ineligible', undefined],
    ['transfer_out', 'ineligible', undefined],
  ] as const)('深圳, reason %s → %s', (reason, verdict, materials) => {
    const answer = assessEligibility({ ...SHENZHEN, reason })
    expect(answer.verdict).toBe(verdict)
    if (answer.verdict === 'online') expect(answer.materials).toEqual(materials)
    if (answer.verdict === 'ineligible') {
      expect(answer.why[0]).toContain('不属于可以终止养老保险关系、退还个人账户的情形')
      expect(answer.instead).toBe(REASONS[reason].instead)
    }
  })

  it('sends a region without online cancellation (北京) to the counter, with the route and the materials to bring', () => {
    const answer = assessEligibility({ ...SHENZHEN, cityCode: '110000' })
    expect(answer).toMatchObject({ verdict: 'offline', why: '北京市暂不支持线上办理社保账号注销', materials: ['id_card', 'termination_application', 'nationality_proof'] })
    if (answer.verdict !== 'offline') throw new Error('unreachable')
    expect(answer.route).toContain('窗口')
  })

  it('sends a reason the city only handles at a counter (上海, 重复参保) offline', () => {
    expect(assessEligibility({ ...SHENZHEN, cityCode: '310000', reason: 'duplicate' })).toMatchObject({ verdict: 'offline', why: '上海市的“重复参保（同期存在两个以上养老保险关系）”需要到窗口办理' })
  })

  it('falls back to the national default for a city it has not recorded, and says to confirm with 12333', () => {
    const answer = assessEligibility({ ...SHENZHEN, cityCode: '320500' })
    expect(cityByCode('320500')?.name).toBe('苏州市')
    expect(answer).toMatchObject({ verdict: 'offline', notices: [DEFAULT_POLICY_NOTICE, REASONS.nationality.before], policy: { id: 'national' } })
    expect(DEFAULT_POLICY_NOTICE).toContain('12333')
  })

  it('refuses arrears, pending business and an unknown account state, saying why', () => {
    expect(assessEligibility({ ...SHENZHEN, accountState: 'arrears' })).toMatchObject({ verdict: 'ineligible', why: [expect.stringContaining('欠费')] })
    expect(assessEligibility({ ...SHENZHEN, accountState: 'pending' })).toMatchObject({ verdict: 'ineligible', why: [expect.stringContaining('正在办理的业务')] })
    expect(assessEligibility({ ...SHENZHEN, accountState: 'unknown' })).toMatchObject({ verdict: 'ineligible', why: [expect.stringContaining('12333')] })
  })

  it('needs real-name verification to apply online, and offers the counter meanwhile', () => {
    expect(assessEligibility({ ...SHENZHEN, realNameVerified: false })).toMatchObject({ verdict: 'offline', why: expect.stringContaining('实名认证') })
  })


  it('gives every policy entry a source and a checked date, and names real cities', () => {
    expect(CITY_POLICIES.length).toBeGreaterThanOrEqual(3)
    for (const p of [NATIONAL_DEFAULT, ...CITY_POLICIES]) {
      expect(Object.keys(p.evidence).sort()).toEqual([...POLICY_FACTS].sort())
      if (p.cityCode) expect(cityByCode(p.cityCode)?.name).toBe(p.regionName)
      for (const reason of p.onlineReasons) expect(REASONS[reason].cancellable).toBe(true)
    }
    for (const reason of CANCEL_REASONS) for (const kind of requiredMaterials(NATIONAL_DEFAULT, reason)) expect(MATERIALS[kind].title).toBeTruthy()
  })
})
