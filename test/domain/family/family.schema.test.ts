import { AppError } from '@/domain/errors'
import { ACTING_FOR } from '@/domain/family/acting-for'
import { AddProfileInput, FAMILY_CONSENT_VERSION, ageBandOf, ageOn, checkProfile } from '@/domain/family/family.schema'
import { isSourced } from '@/domain/sources/source'
import { parseInput } from '@/domain/validation'

const CHILD = { name: '王小宝', relation: 'child', idNumber: '440305202606011237', phone: '138 0013 8000', consent: { by: 'guardian', version: FAMILY_CONSENT_VERSION, agreed: true } }

describe('family profile rules', () => {
  it('counts whole years, so a birthday not yet reached this year does not count', () => {
    expect(ageOn('2012-12-01', '2026-11-30')).toBe(13)
    expect(ageOn('2012-12-01', '2026-12-01')).toBe(14)
  })

  it('sorts people into infant (under 1), child (under 7) and adult guidance', () => {
    expect(ageBandOf('2026-06-01', '2026-11-24')).toBe('infant')
    expect(ageBandOf('2021-06-01', '2026-11-24')).toBe('child')
    expect(ageBandOf('2019-11-24', '2026-11-24')).toBe('adult')
  })

  it('asks the guardian to consent for a child under 14 (PIPL 第三十一条), and accepts it', () => {
    const input = parseInput(AddProfileInput, CHILD)
    expect(input.phone).toBe('13800138000')
    expect(checkProfile(input, '2026-11-24')).toEqual({ birthDate: '2026-06-01', ageBand: 'infant' })
    const byChild = parseInput(AddProfileInput, { ...CHILD, consent: { ...CHILD.consent, by: 'person' } })
    expect(() => checkProfile(byChild, '2026-11-24')).toThrow(new AppError('PROFILE_CONSENT_INVALID', '不满十四周岁的未成年人，需由父母或其他监护人同意'))
  })

  it('refuses a profile without consent or under an old consent text', () => {
    expect(() => parseInput(AddProfileInput, { ...CHILD, consent: { ...CHILD.consent, agreed: false } })).toThrow('请确认已取得本人或监护人的同意')
    expect(() => parseInput(AddProfileInput, { ...CHILD, consent: { ...CHILD.consent, version: '2026-01-01' } })).toThrow('授权说明已更新，请重新阅读后同意')
  })

  it('says, with a source, that a formal card-loss report cannot be made for someone else online, and allows the rest', () => {
    expect(ACTING_FOR.card_loss_formal.allowed).toBe(false)
    expect(isSourced(ACTING_FOR.card_loss_formal.evidence)).toBe(true)
    expect(isSourced(ACTING_FOR.card_loss_temporary.evidence)).toBe(true)
    expect(ACTING_FOR.receipt.allowed && ACTING_FOR.cancellation.allowed && ACTING_FOR.card_loss_temporary.allowed).toBe(true)
  })
})
