import { POLICY_REFERENCE_NOTICE, assessEligibility, optionalMaterials, requiredMaterials, type EligibilityInput } from '@/domain/cancellation/eligibility'
import { NATIONAL_DEFAULT } from '@/domain/cancellation/policy'
import { CANCEL_REASONS, MATERIALS, REASONS } from '@/domain/cancellation/reasons'

/** The legal rules of 终止养老保险关系 (人社部令第13号 第三条、第六条; 社会保险法 第十四条、第十九条; 多重关系清理). */
const SHENZHEN: EligibilityInput = { cityCode: '440300', reason: 'nationality', accountState: 'normal', realNameVerified: true }
const answer = (reason: EligibilityInput['reason']) => assessEligibility({ ...SHENZHEN, reason })
const titles = (kinds: readonly string[]) => kinds.map((k) => MATERIALS[k as keyof typeof MATERIALS].title)

describe('who may terminate the pension relation and take the personal-account balance', () => {
  it('settling abroad while keeping Chinese nationality (出国定居) keeps the account: not eligible, and says so', () => {
    const a = answer('abroad')
    expect(REASONS.abroad.cancellable).toBe(false)
    expect(a.verdict).toBe('ineligible')
    if (a.verdict !== 'ineligible') throw new Error('unreachable')
    expect(a.instead).toContain('个人账户予以保留')
    expect(a.instead).toContain('丧失中国国籍')
    expect(REASONS.abroad.basis.some((s) => s.quote.includes('其个人账户予以保留'))).toBe(true)
  })

  it('loss of Chinese nationality (丧失国籍): written termination application + proof of lost nationality or notarised translation', () => {
    const a = answer('nationality')
    expect(a.verdict).toBe('online')
    if (a.verdict !== 'online') throw new Error('unreachable')
    expect(a.materials).toEqual(['id_card', 'termination_application', 'nationality_proof'])
    expect(MATERIALS.nationality_proof.hint).toContain('放弃国籍的有关材料')
    expect(MATERIALS.nationality_proof.hint).toContain('经公证的已取得外国国籍的中文译本')
    expect(a.notices.join()).toContain('保留个人账户的权利')
    expect(REASONS.nationality.basis.some((s) => s.quote.includes('丧失中华人民共和国国籍的,可以在其离境时或者离境后书面申请终止'))).toBe(true)
  })

  it('death (死亡): the heir applies with the death certificate, the heir ID and proof of relationship; notarisation only in special cases', () => {
    const a = answer('death')
    expect(a.verdict).toBe('online')
    if (a.verdict !== 'online') throw new Error('unreachable')
    expect(a.materials).toEqual(['death_cert', 'heir_id', 'kinship'])
    expect(a.materials).not.toContain('inheritance')
    expect(a.optionalMaterials).toEqual(['inheritance'])
    expect(MATERIALS.inheritance.title).toContain('特殊情况')
    expect(a.refund).toContain('继承人')
    expect(REASONS.death.basis[0].quote).toMatch(/死亡证明.*身份证.*关系/)
  })

  it('duplicate enrolment (重复参保): the duplicate relation is cleared (清退) and its balance refunded', () => {
    const a = answer('duplicate')
    expect(a.verdict).toBe('online')
    expect(REASONS.duplicate.refund).toContain('清退')
    expect(REASONS.duplicate.basis.some((s) => s.quote.includes('同期其他关系予以清理,个人账户储存额退还本人'))).toBe(true)
  })

  it('duplicate enrolment (重复参保) asks for the ID or the card as the official guides do; the record of both payments helps but is not required', () => {
    const a = answer('duplicate')
    if (a.verdict !== 'online') throw new Error('unreachable')
    expect(a.materials).toEqual(['id_card'])
    expect(a.optionalMaterials).toEqual(['duplicate_record'])
    const official = REASONS.duplicate.basis.filter((s) => /\.gov\.cn\//.test(s.url))
    expect(official.map((s) => s.quote).join()).toContain('身份证或社保卡')
    expect(official.map((s) => s.quote).join()).not.toContain('缴费记录')
  })

  it('states the 退休不满15年 and 死亡 rules from official pages (尤溪县政府, 温州市社会保险管理服务中心)', () => {
    const retire = REASONS.retire_short.basis.find((s) => s.url.includes('fjyx.gov.cn'))
    expect(retire?.quote).toContain('申请转入户籍所在地城乡居民养老保险')
    expect(retire?.quote).toContain('个人可以书面申请终止职工基本养老保险关系')
    expect(REASONS.death.basis.find((s) => s.url.includes('wenzhou.gov.cn'))?.quote).toContain('个人账户余额可以继承')
  })

  it('retirement age with under 15 years (退休不满15年): a written application, the right to transfer to 城乡居民养老保险 explained first, no 离职证明', () => {
    const a = answer('retire_short')
    expect(a.verdict).toBe('online')
    if (a.verdict !== 'online') throw new Error('unreachable')
    expect(a.materials).toEqual(['id_card', 'termination_application'])
    expect(titles(a.materials).join()).not.toContain('离职')
    expect(a.notices.join()).toContain('转入户籍所在地城乡居民基本养老保险')
    expect(a.notices.join()).toContain('延长缴费至满 15 年')
    expect(REASONS.retire_short.basis.some((s) => s.quote.includes('个人可以书面申请终止职工基本养老保险关系'))).toBe(true)
  })

  it.each([
    ['leave', '转移接续'],
    ['transfer_out', '转移接续'],
  ] as const)('%s is not grounds for termination: the answer explains %s instead', (reason, instead) => {
    const a = answer(reason)
    expect(a.verdict).toBe('ineligible')
    if (a.verdict !== 'ineligible') throw new Error('unreachable')
    expect(a.instead).toContain(instead)
  })

  it('asks for no 离职证明 and no 继承公证书 as a required proof for any reason', () => {
    for (const reason of CANCEL_REASONS) expect(titles(requiredMaterials(NATIONAL_DEFAULT, reason)).join()).not.toMatch(/离职|公证书/)
    expect(optionalMaterials(NATIONAL_DEFAULT, 'death')).toEqual(['inheritance'])
  })

  it('shows unsourced regional details as reference with 12333, never as a bare promise', () => {
    const a = answer('nationality')
    expect(a.notices).toContain(POLICY_REFERENCE_NOTICE)
    expect(POLICY_REFERENCE_NOTICE).toContain('参考信息，请以当地社保部门为准')
    expect(POLICY_REFERENCE_NOTICE).toContain('12333')
  })

  it('quotes a source for every reason', () => {
    for (const reason of CANCEL_REASONS) {
      expect(REASONS[reason].basis.length).toBeGreaterThan(0)
      for (const s of REASONS[reason].basis) {
        expect(s.url).toMatch(/^https?:\/\//)
        expect(s.quote.length).toBeGreaterThan(10)
        expect(s.publishedOrChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      }
    }
  })
})
