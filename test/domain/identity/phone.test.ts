import { Phone, isMobilePhone, maskPhone, normalizePhone } from '@/domain/identity/phone'
import { fieldErrors, parseInput } from '@/domain/validation'

describe('mainland mobile numbers', () => {
  it('accepts 11 digits starting 13 to 19', () => {
    for (const n of ['13812345678', '15000000000', '16612345678', '17700001111', '19912345678']) expect(isMobilePhone(n)).toBe(true)
  })

  it('refuses 10, 11 and 12 prefixes, short and long numbers and landlines', () => {
    for (const n of ['10012345678', '11012345678', '12012345678', '1381234567', '138123456789', '02088886666', '']) expect(isMobilePhone(n)).toBe(false)
  })

  it('drops spaces, hyphens, full-width digits and a +86 prefix', () => {
    expect(normalizePhone('138 1234 5678')).toBe('13812345678')
    expect(normalizePhone('138-1234-5678')).toBe('13812345678')
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678')
    expect(normalizePhone('１３８１２３４５６７８')).toBe('13812345678')
  })

  it('parses to the bare 11 digits and explains a bad number in Chinese', () => {
    expect(parseInput(Phone, '+86 138-1234-5678')).toBe('13812345678')
    expect(fieldErrors(Phone, '1234')).toEqual({ '': '请填写 11 位中国大陆手机号码' })
    expect(fieldErrors(Phone, '  ')).toEqual({ '': '请填写手机号码' })
  })

  it('masks the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('123')).toBe('****')
  })
})
