import { groupedNumber } from '@/domain/order/receipt-number'
import { RECEIPT_NUMBER_USES } from '@/domain/order/receipt-numbers'

describe('receipt numbers as people read and use them', () => {
  it('groups a number in fours for reading, whatever its length', () => {
    expect(groupedNumber('HZ20261202123456')).toBe('HZ20 2612 0212 3456')
    expect(groupedNumber('44030012345678901234567')).toBe('4403 0012 3456 7890 1234 567')
    expect(groupedNumber('IMG1')).toBe('IMG1')
    expect(groupedNumber('HZ20 2612')).toBe('HZ20 2612')
  })

  it('says where each number goes, online and at the counter, each from a source', () => {
    expect(RECEIPT_NUMBER_USES.map((u) => u.where)).toEqual(['online', 'counter'])
    for (const u of RECEIPT_NUMBER_USES) expect(u.evidence.quote.length).toBeGreaterThan(10)
    expect(RECEIPT_NUMBER_USES[0].evidence.quote).toContain('照片回执号')
    expect(RECEIPT_NUMBER_USES[1].evidence.quote).toContain('图像号')
  })
})
