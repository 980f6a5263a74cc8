import { EMPTY_REPORT, canVerify, holderKey, holderOf, reportBlock, reportErrors } from '@/features/card-loss/report.form'

const TODAY = '2026-12-02'
const FILLED = { name: '张三', idNumber: '11010519491231002x', cardNumber: 'A12345678' }

describe('the card-loss report form', () => {
  it('asks for the name and ID number, leaves the card number optional but checks one typed', () => {
    expect(Object.keys(reportErrors(EMPTY_REPORT, TODAY)).sort()).toEqual(['idNumber', 'name'])
    expect(reportErrors(FILLED, TODAY)).toEqual({})
    expect(Object.keys(reportErrors({ ...FILLED, cardNumber: 'A1234' }, TODAY))).toEqual(['cardNumber'])
  })

  it('refuses an ID number whose birth date is after today', () => {
    expect(Object.keys(reportErrors({ ...FILLED, idNumber: '110105202712310026' }, TODAY))).toEqual(['idNumber'])
  })

  it('lets the identity check run without the card number', () => {
    const errors = reportErrors({ ...FILLED, cardNumber: 'A1234' }, TODAY)
    expect(canVerify(errors)).toBe(true)
    expect(canVerify(reportErrors({ ...FILLED, name: '' }, TODAY))).toBe(false)
  })

  it('ties a passed check to the name and ID number as typed, whatever the case of the X or the spaces', () => {
    expect(holderKey(FILLED)).toBe(holderKey({ ...FILLED, name: ' 张三 ', idNumber: '11010519491231002X' }))
    expect(holderKey(FILLED)).not.toBe(holderKey({ ...FILLED, name: '李四' }))
    expect(holderOf({ ...FILLED, name: ' 张三 ' })).toEqual({ name: '张三', idNumber: '11010519491231002x' })
  })

  it('sends a temporary report once complete, and a formal one only after the check for this holder', () => {
    const errors = reportErrors(FILLED, TODAY)
    expect(reportBlock({ cityCode: undefined, kind: 'temporary', errors, values: FILLED })).toBe('incomplete')
    expect(reportBlock({ cityCode: '440300', kind: undefined, errors, values: FILLED })).toBe('incomplete')
    expect(reportBlock({ cityCode: '440300', kind: 'temporary', errors: { name: '请填写姓名' }, values: FILLED })).toBe('incomplete')
    expect(reportBlock({ cityCode: '440300', kind: 'temporary', errors, values: FILLED })).toBeUndefined()
    expect(reportBlock({ cityCode: '440300', kind: 'formal', errors, values: FILLED })).toBe('verify')
    expect(reportBlock({ cityCode: '440300', kind: 'formal', errors, values: FILLED, verifiedFor: holderKey({ ...FILLED, name: '李四' }) })).toBe('verify')
    expect(reportBlock({ cityCode: '440300', kind: 'formal', errors, values: FILLED, verifiedFor: holderKey(FILLED) })).toBeUndefined()
  })
})
