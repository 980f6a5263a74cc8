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

  it('rests the 居住证 coverage on a Guangdong source that says the receipt replaces the photo', () => {
    const { evidence } = RECEIPT_COVERAGE['residence-permit']!
    expect(`${evidence.title}${evidence.quote}`).toContain('广东')
    expect(evidence.quote).toContain('提供照片回执单即可')
  })
})
