import { RECEIPT_COVERAGE, provincesWithReceipt, receiptNotOffered, receiptOffered } from '@/domain/order/receipt-coverage'
import { allProvinces } from '@/domain/region'

describe('where a photo receipt can be ordered', () => {
  it('offers a 居住证 receipt in Guangdong cities only, and says why elsewhere', () => {
    expect(receiptOffered('residence-permit', '440300')).toBe(true)
    expect(receiptOffered('residence-permit', '441900')).toBe(true)
    expect(receiptOffered('residence-permit', '110000')).toBe(false)
    expect(receiptNotOffered('residence-permit', '310000')).toBe('居住证照片回执目前只受理广东省的城市，请选择广东省内办理居住证的城市')
    expect(receiptNotOffered('residence-permit', '440100')).toBeUndefined()
  })

  it('lists only Guangdong in the city picker for a 居住证 receipt, every province for the other types', () => {
    expect(provincesWithReceipt('residence-permit').map((p) => p.name)).toEqual(['广东省'])
    expect(provincesWithReceipt('id-card')).toHaveLength(allProvinces().length)
  })

  it('offers a 社保卡 receipt in Guangdong cities only (深圳, 广州, 东莞), never in 北京 or 上海, and says what to do instead', () => {
    for (const code of ['440300', '440100', '441900']) expect(receiptOffered('social-security-card', code)).toBe(true)
    for (const code of ['110000', '310000', '320100']) expect(receiptOffered('social-security-card', code)).toBe(false)
    expect(receiptNotOffered('social-security-card', '110000')).toBe('社保卡照片回执目前只受理广东省的城市；其他城市请保存电子照或打印排版照')
    expect(provincesWithReceipt('social-security-card').map((p) => p.name)).toEqual(['广东省'])
    expect(RECEIPT_COVERAGE['social-security-card']!.elsewhere).toContain('现场拍照')
  })

  it('offers a 出入境 receipt in Guangdong cities only', () => {
    expect(receiptOffered('exit-entry', '440100')).toBe(true)
    expect(receiptOffered('exit-entry', '330100')).toBe(false)
    expect(provincesWithReceipt('exit-entry').map((p) => p.name)).toEqual(['广东省'])
  })

  it('marks a region covered only where a source names it and the receipt', () => {
    for (const [type, c] of Object.entries(RECEIPT_COVERAGE)) {
      const name = c.where.replace(/[省市]$/, '')
      expect({ type, names: `${c.evidence.title}${c.evidence.quote}`.includes(name) }).toEqual({ type, names: true })
      expect({ type, receipt: /回执/.test(c.evidence.quote) }).toEqual({ type, receipt: true })
      expect(c.elsewhere).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('rests the 居住证 coverage on a Guangdong source that says the receipt replaces the photo', () => {
    const { evidence } = RECEIPT_COVERAGE['residence-permit']!
    expect(`${evidence.title}${evidence.quote}`).toContain('广东')
    expect(evidence.quote).toContain('提供照片回执单即可')
  })
})
