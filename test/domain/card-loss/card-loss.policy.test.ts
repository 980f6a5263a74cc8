import { LOSS_POLICIES, feeLabel, formalOffline, lossPolicyFor, reissueOffline } from '@/domain/card-loss/card-loss.policy'
import { cityByCode } from '@/domain/region'
import { isSourced, type Source } from '@/domain/sources/source'

const quote = (code: string, fact: keyof (typeof LOSS_POLICIES)[number]['evidence']) => (lossPolicyFor(code).policy.evidence[fact] as Source).quote

describe('card-loss rules per region, as their sources state them', () => {
  it('lets a 上海 temporary report (社会保障功能) lapse after 5 days, as the city rule says, not 7', () => {
    const { policy } = lossPolicyFor('310000')
    expect(policy.temporaryDays).toBe(5)
    expect(isSourced(policy.evidence.temporaryDays)).toBe(true)
    expect(quote('310000', 'temporaryDays')).toContain('临时挂失的有效期为5日,超过有效期后自动解除挂失')
  })

  it('takes a formal report online or at a counter in 江苏 (省经办规程第十八条), and sends no Jiangsu city to a counter on it', () => {
    for (const code of ['320000', '320800']) {
      const { policy } = lossPolicyFor(code)
      expect(policy.formalOnline).toBe(true)
      expect(quote(code, 'formalOnline')).toContain('持卡人本人可通过线上或线下服务渠道办理正式挂失')
      expect(formalOffline(policy)).toBe(false)
    }
    expect(lossPolicyFor('320500').policy.id).toBe('jiangsu')
    expect(cityByCode('320800')?.name).toBe('淮安市')
  })

  it('reissues a 淮安 card free, within 1 working day, online or at the counter (洪泽区 guide on 江苏政务服务网)', () => {
    const { policy } = lossPolicyFor('320800')
    expect(policy).toMatchObject({ id: 'huaian', reissueFeeFen: 0, makeDays: 1, reissueOnline: true })
    expect(feeLabel(policy)).toBe('免工本费')
    expect(reissueOffline(policy)).toBe(false)
    expect(quote('320800', 'reissueFeeFen')).toContain('不收费')
    expect(quote('320800', 'reissueOnline')).toContain('窗口办理,网上办理')
    for (const f of ['reissueFeeFen', 'reissueOnline', 'makeDays', 'formalOnline'] as const) expect((policy.evidence[f] as Source).url).toMatch(/^https?:\/\/[^/]+\.gov\.cn\//)
  })

  it('keeps the Jiangsu province entry unverified where only one district states a value (fee, making time, temporary period)', () => {
    const { policy } = lossPolicyFor('320000')
    for (const f of ['temporaryDays', 'reissueFeeFen', 'makeDays', 'delivery'] as const) expect(isSourced(policy.evidence[f])).toBe(false)
    expect(feeLabel(policy)).toBe('工本费以当地规定为准')
  })

  it('names a real city or province for every entry', () => {
    for (const p of LOSS_POLICIES) {
      if (/0000$/.test(p.regionCode ?? '') && !['110000', '310000'].includes(p.regionCode ?? '')) continue
      expect(cityByCode(p.regionCode ?? '')?.name).toBe(p.regionName)
    }
  })
})
