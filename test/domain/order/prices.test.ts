import { DOCUMENT_TYPES } from '@/domain/photo/specs'
import { NATIONAL_PRICES_FEN, RESUBMISSION_PRICE_FEN, formatYuan, priceOf, type RegionalPrice } from '@/domain/order/prices'

describe('receipt prices', () => {
  it('prices a 社保卡 receipt at 1990 fen', () => {
    expect(priceOf('social-security-card', '440300')).toBe(1990)
    expect(formatYuan(priceOf('social-security-card', '440300'))).toBe('¥19.90')
  })

  it('has a whole, positive fen price for every document type', () => {
    expect(Object.keys(NATIONAL_PRICES_FEN).sort()).toEqual(DOCUMENT_TYPES.map((d) => d.type).sort())
    for (const fen of Object.values(NATIONAL_PRICES_FEN)) {
      expect(Number.isSafeInteger(fen)).toBe(true)
      expect(fen).toBeGreaterThan(0)
    }
  })

  it('makes a resubmission free', () => {
    expect(RESUBMISSION_PRICE_FEN).toBe(0)
  })

  it('lets a city price beat its province, and a province beat the national price', () => {
    const regional: RegionalPrice[] = [
      { documentType: 'social-security-card', region: { level: 'province', code: '440000', name: '广东省' }, fen: 2290 },
      { documentType: 'social-security-card', region: { level: 'city', code: '440300', name: '深圳市' }, fen: 2590 },
    ]
    expect(priceOf('social-security-card', '440300', regional)).toBe(2590)
    expect(priceOf('social-security-card', '440100', regional)).toBe(2290)
    expect(priceOf('social-security-card', '110000', regional)).toBe(1990)
    expect(priceOf('id-card', '440300', regional)).toBe(NATIONAL_PRICES_FEN['id-card'])
  })

  it('formats fen as yuan with two decimals', () => {
    expect(formatYuan(0)).toBe('¥0.00')
    expect(formatYuan(5)).toBe('¥0.05')
    expect(formatYuan(100)).toBe('¥1.00')
    expect(formatYuan(123456)).toBe('¥1234.56')
    expect(formatYuan(-1990)).toBe('-¥19.90')
  })

  it('refuses an amount that is not whole fen', () => {
    expect(() => formatYuan(19.9)).toThrow(RangeError)
    expect(() => formatYuan(Number.NaN)).toThrow(RangeError)
  })
})
