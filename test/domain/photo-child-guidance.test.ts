import { CHILD_CHECKS_EVIDENCE, CHILD_GUIDANCE, INFANT_GUIDANCE, guidanceFor } from '@/domain/photo/child-guidance'
import { isSourced } from '@/domain/sources/source'

describe('newborn and child photo guidance', () => {
  it('tells how to shoot a baby: lying on a plain white sheet, camera straight above, no hands, toys or pacifier, eyes open if possible', () => {
    const text = INFANT_GUIDANCE.map((l) => l.text).join('\n')
    for (const words of ['平躺在纯白色的床单上', '正上方', '大人的手、玩具或安抚奶嘴', '睁眼']) expect(text).toContain(words)
  })

  it('gives every line a quoted source or says why it has none', () => {
    for (const line of [...INFANT_GUIDANCE, ...CHILD_GUIDANCE]) {
      if (isSourced(line.evidence)) expect(line.evidence.quote.length).toBeGreaterThan(10)
      else expect(line.evidence.note).toMatch(/[\u4e00-\u9fa5]/)
    }
    // The lying-down rule is the one a source states; open eyes are not required by any source found.
    expect(isSourced(INFANT_GUIDANCE[0].evidence)).toBe(true)
    expect(INFANT_GUIDANCE.find((l) => l.text.includes('睁眼'))?.evidence).toMatchObject({ unverified: true })
  })

  it('keeps the checks the spec’s own for every age, on the source that says a newborn’s photo follows the 居民身份证 requirements', () => {
    expect(isSourced(CHILD_CHECKS_EVIDENCE) && CHILD_CHECKS_EVIDENCE.quote).toContain('居民身份证用数字相片技术要求')
    expect(guidanceFor('adult')).toEqual([])
  })
})
