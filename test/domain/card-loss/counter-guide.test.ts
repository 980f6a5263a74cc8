import { LOSS_POLICIES, formalOffline, lossPolicyFor, reissueOffline, reissueOnlineSourced } from '@/domain/card-loss/card-loss.policy'
import { COUNTER_GUIDES, counterGuideFor } from '@/domain/card-loss/counter-guide'
import { isSourced } from '@/domain/sources/source'

describe('到窗口办理 answers for card loss', () => {
  it('gives every region whose sources send the user to a counter its own guide: route, materials, hotline and where', () => {
    const atCounter = LOSS_POLICIES.filter((p) => formalOffline(p) || reissueOffline(p))
    expect(atCounter.map((p) => p.id).sort()).toEqual(['dongguan', 'shantou'])
    for (const p of atCounter) {
      const guide = counterGuideFor(p.id)
      expect(guide.policyId).toBe(p.id)
      expect(guide.route).not.toBe('')
      expect(guide.materials.length).toBeGreaterThan(0)
      expect(guide.hotlines.length).toBeGreaterThan(0)
      expect(guide.where).not.toBe('')
      expect(isSourced(guide.evidence.route)).toBe(true)
      expect(isSourced(guide.evidence.where)).toBe(true)
    }
  })

  it("gives 东莞 the issuing banks' own loss lines, as its source lists them", () => {
    const dongguan = counterGuideFor('dongguan')
    expect(dongguan.hotlines.map((h) => h.number)).toContain('95533')
    for (const h of dongguan.hotlines) expect(isSourced(dongguan.evidence.hotlines) && dongguan.evidence.hotlines.quote).toContain(h.number)
  })

  it('falls back to a guide that promises nothing: every part but the hotline is reference', () => {
    const fallback = counterGuideFor('beijing')
    expect(fallback.policyId).toBe('default')
    expect(Object.values(fallback.evidence).some(isSourced)).toBe(false)
    expect(COUNTER_GUIDES.filter((g) => g.policyId === 'default')).toHaveLength(1)
  })

  it('offers 「用于补办社保卡」 only where a source says the reissue is online', () => {
    expect(reissueOnlineSourced('440300')).toBe(true) // 深圳: 个人网上服务系统 (sourced)
    expect(reissueOnlineSourced('441900')).toBe(false) // 东莞: only at the issuing bank
    expect(reissueOnlineSourced('440600')).toBe(false) // 佛山 falls back to 广东省, whose reissue channel is unverified
    expect(lossPolicyFor('440600').policy.id).toBe('guangdong')
  })
})
