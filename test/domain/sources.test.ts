import { readFileSync } from 'node:fs'
import path from 'node:path'
import { LOSS_POLICIES, LOSS_RULES_ARE_LOCAL, NATIONAL_LOSS_DEFAULT, formalOffline, lossPolicyFor, reissueOffline } from '@/domain/card-loss/card-loss.policy'
import { validityDays, validityEvidence } from '@/domain/order/receipt-validity'
import { specById } from '@/domain/photo/specs'
import { allFacts, factCounts } from '@/domain/sources/facts'
import { isSourced, type Source } from '@/domain/sources/source'
import { renderSourcesDoc } from '@/domain/sources/sources-doc'

const rows = allFacts()
const sourcedRows = rows.filter((r) => isSourced(r.evidence))
const squash = (s: string) => s.replace(/\s+/g, '')

/** A number appears in the quote as written, or as the centre ± half-width of a range (207像素±14像素 → 193–221). */
function numberInQuote(n: number, all: number[], quote: string): boolean {
  const q = squash(quote)
  if (new RegExp(`(^|[^0-9.])${String(n).replace('.', '\\.')}([^0-9]|$)`).test(q)) return true
  return all.some((m) => {
    const centre = (n + m) / 2
    const half = Math.abs(m - n) / 2
    return m !== n && new RegExp(`${centre}[^0-9±]{0,3}±${half}`).test(q)
  })
}

describe('every value users act on carries a source with a quote, or says it is unverified', () => {
  it('states every numeric value of a sourced entry in its quote', () => {
    const missing = sourcedRows.flatMap((r) => r.numbers.filter((n) => !numberInQuote(n, r.numbers, (r.evidence as Source).quote)).map((n) => `${r.entry}.${r.fact}: ${n}`))
    expect(missing).toEqual([])
  })

  it('names the region of every regional sourced entry in its quote or title', () => {
    const regional = sourcedRows.filter((r) => r.region !== '全国')
    expect(regional.length).toBeGreaterThan(10)
    const wrong = regional.filter((r) => {
      const { quote, title } = r.evidence as Source
      const name = r.region.replace(/[省市]$/, '')
      return !`${title}${quote}`.includes(name)
    })
    expect(wrong.map((r) => `${r.entry}.${r.fact}`)).toEqual([])
  })

  it('gives every source a link, a title, a quote and a date', () => {
    for (const r of sourcedRows) {
      const s = r.evidence as Source
      expect(s.url).toMatch(/^https?:\/\/[^\s]+$/)
      expect(s.title.length).toBeGreaterThan(3)
      expect(s.quote.length).toBeGreaterThan(8)
      expect(s.publishedOrChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('counts sourced and unverified values (the figure in docs/sources.md)', () => {
    const { total, sourced, unverified } = factCounts(rows)
    expect(total).toBe(sourced + unverified)
    expect(sourced).toBeGreaterThan(40)
  })

  it('keeps docs/sources.md generated from the data (npm run sources)', () => {
    const file = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'sources.md'), 'utf8')
    expect(file).toBe(renderSourcesDoc(rows))
  })
})

describe('an unverified value never blocks', () => {
  it('tells a receipt validity with a source (深圳 身份证 180 天) from one without (深圳 社保卡)', () => {
    expect(isSourced(validityEvidence('id-card', '440300'))).toBe(true)
    expect(validityDays('id-card', '440300')).toBe(180)
    expect(isSourced(validityEvidence('social-security-card', '440300'))).toBe(false)
    expect(isSourced(validityEvidence('social-security-card', '440100'))).toBe(false)
  })

  it('sends a formal report or a reissue to a counter only where a source says so', () => {
    expect(formalOffline(lossPolicyFor('441900').policy)).toBe(true)
    expect(reissueOffline(lossPolicyFor('441900').policy)).toBe(true)
    expect(lossPolicyFor('310000').policy.formalOnline).toBe(false)
    expect(formalOffline(lossPolicyFor('310000').policy)).toBe(false)
  })
})

describe('the known errors stay fixed', () => {
  it('no longer says reissue is free: Guangzhou and Beijing charge 20 元, Dongguan charges a fee, and unsourced fees are unverified', () => {
    expect(lossPolicyFor('440100').policy).toMatchObject({ reissueFeeFen: 2000, makeDays: 12 })
    expect(lossPolicyFor('110000').policy).toMatchObject({ reissueFeeFen: 2000 })
    expect((lossPolicyFor('110000').policy.evidence.reissueFeeFen as Source).quote).toContain('工本费20元')
    expect(lossPolicyFor('441900').policy.evidence.reissueFeeFen).toMatchObject({ quote: expect.stringContaining('缴纳相应的社保卡工本费') })
    for (const p of [NATIONAL_LOSS_DEFAULT, ...LOSS_POLICIES]) if (p.reissueFeeFen === 0) expect(isSourced(p.evidence.reissueFeeFen)).toBe(true)
  })

  it('takes making times from notices (12, 15, 30 working days), not 7–10 days', () => {
    expect(lossPolicyFor('441900').policy.makeDays).toBe(12)
    expect(lossPolicyFor('110000').policy.makeDays).toBe(15)
    expect(lossPolicyFor('440500').policy.makeDays).toBe(30)
    for (const p of [NATIONAL_LOSS_DEFAULT, ...LOSS_POLICIES]) if (p.makeDays < 12) expect(isSourced(p.evidence.makeDays)).toBe(true)
  })

  it('does not attribute a national temporary-report period to 《社会保障卡管理办法》: the national default is unverified and local periods differ', () => {
    expect(isSourced(NATIONAL_LOSS_DEFAULT.evidence.temporaryDays)).toBe(false)
    expect(LOSS_RULES_ARE_LOCAL.quote).toContain('挂失、补发程序')
    const local = LOSS_POLICIES.filter((p) => isSourced(p.evidence.temporaryDays)).map((p) => p.temporaryDays)
    expect(new Set(local).size).toBeGreaterThan(1)
  })

  it('cites no 滨州 page for Shenzhen or Jinan, no 聊城 page for 滨州, and no Guangdong source for 14–40 KB', () => {
    const sources = (id: string) => Object.values(specById(id)!.evidence).filter(isSourced)
    for (const s of [...sources('ssc-shenzhen'), ...sources('ssc-jinan')]) expect(`${s.title}${s.quote}`).not.toContain('滨州')
    for (const s of sources('ssc-binzhou')) expect(`${s.title}${s.quote}${s.url}`).not.toMatch(/聊城|gansulong/)
    expect(isSourced(specById('ssc-guangdong')!.evidence.fileKb)).toBe(false)
    expect(isSourced(specById('ssc-jinan')!.evidence.fileKb)).toBe(false)
  })

  it('names GA/T 461-2019 as the ID-card photo standard (it replaced GA 461-2004)', () => {
    const spec = specById('id-card')!
    expect(spec.standard?.name).toContain('GA/T 461-2019')
    expect(spec.standard?.evidence.quote).toContain('被GA/T 461-2019代替')
  })

  it('gives exit-entry photos a 3:4 size inside 354–480 × 472–640 px and the allowed background colours', () => {
    const { pixels, allowedBackgrounds } = specById('exit-entry')!
    expect(pixels.width * 4).toBe(pixels.height * 3)
    expect(pixels.width).toBeGreaterThanOrEqual(354)
    expect(pixels.width).toBeLessThanOrEqual(480)
    expect(pixels.height).toBeGreaterThanOrEqual(472)
    expect(pixels.height).toBeLessThanOrEqual(640)
    expect(allowedBackgrounds).toEqual(['白色', '浅灰色', '淡蓝色'])
  })
})
