import * as v from 'valibot'
import { ApplicationInput, checkApplication, DebitCardNumber } from '@/domain/cancellation/cancellation.schema'
import { CANCELLATION_MACHINE } from '@/domain/cancellation/cancellation.machine'
import { sniffMaterial } from '@/domain/cancellation/reasons'
import { AppError } from '@/domain/errors'
import { fieldErrors, parseInput } from '@/domain/validation'
import { APPLICATION, TINY_PDF, TINY_PNG } from '../../support/cancellations'

describe('cancellation application rules', () => {
  it('accepts a debit card with spaces, keeping its digits', () => {
    expect(v.parse(DebitCardNumber, '6222 0212 3456 7890 128')).toBe('6222021234567890128')
    expect(v.parse(DebitCardNumber, '６２１７００００００１２３４５６７８６')).toBe('6217000000123456786')
  })

  it.each([
    ['6222021234567890127', '银行卡号校验不通过，请逐位核对'],
    ['4111111111111111111111', '借记卡号应为 16–19 位数字'],
    ['622202123456789', '借记卡号应为 16–19 位数字'],
    ['6222-abcd-1234', '银行卡号只能包含数字'],
    ['', '请填写银行卡号'],
  ])('refuses the known-bad card %s: %s', (card, message) => {
    expect(fieldErrors(ApplicationInput, { ...APPLICATION, bank: { ...APPLICATION.bank, cardNumber: card } })).toEqual({ 'bank.cardNumber': message })
  })

  it.each([
    ['11010519491231002Y', 'insured.idNumber'],
    ['110105194912310021', 'insured.idNumber'],
    ['1101051949123100', 'insured.idNumber'],
  ])('refuses the known-bad ID number %s', (idNumber, path) => {
    expect(Object.keys(fieldErrors(ApplicationInput, { ...APPLICATION, insured: { ...APPLICATION.insured, idNumber } }))).toEqual([path])
  })

  it('needs the card in the payee’s name: the insured person, or the heir after a death', () => {
    const mine = parseInput(ApplicationInput, APPLICATION)
    expect(() => checkApplication(mine)).not.toThrow()
    const other = parseInput(ApplicationInput, { ...APPLICATION, bank: { ...APPLICATION.bank, holderName: '李四' } })
    expect(() => checkApplication(other)).toThrow(expect.objectContaining({ code: 'BANK_HOLDER_MISMATCH', message: '退款银行卡的户名必须与参保人姓名一致' }))
    const death = parseInput(ApplicationInput, { ...APPLICATION, reason: 'death' })
    expect(() => checkApplication(death)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: [{ path: 'heir', message: '请填写继承人信息' }] }))
    const heir = parseInput(ApplicationInput, { ...APPLICATION, reason: 'death', heir: { name: '陈大明', idNumber: '110105197001010011', relation: 'child' }, bank: { ...APPLICATION.bank, holderName: '陈大明' } })
    expect(() => checkApplication(heir)).not.toThrow()
    const deceasedCard = parseInput(ApplicationInput, { ...APPLICATION, reason: 'death', heir: { name: '陈大明', idNumber: '110105197001010011', relation: 'child' } })
    expect(() => checkApplication(deceasedCard)).toThrow(expect.objectContaining({ code: 'BANK_HOLDER_MISMATCH', message: '退款银行卡的户名必须与继承人姓名一致' }))
  })

  it('tells proof files by their bytes, not their names', () => {
    expect(sniffMaterial(TINY_PDF)).toBe('application/pdf')
    expect(sniffMaterial(TINY_PNG)).toBe('image/png')
    expect(sniffMaterial(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffMaterial(Buffer.from('<svg onload=alert(1)>'))).toBeUndefined()
    expect(sniffMaterial(Buffer.from('GIF89a'))).toBeUndefined()
  })

  it('lets only operators decide, only during review, and only with a reason to reject', () => {
    const m = CANCELLATION_MACHINE
    expect(m.transition('draft', 'submit', 'user')).toBe('submitted')
    expect(m.transition('submitted', 'forward', 'system')).toBe('reviewing')
    expect(m.transition('reviewing', 'approve', 'operator')).toBe('approved')
    expect(m.transition('rejected', 'resubmit', 'user')).toBe('submitted')
    const code = (f: () => unknown) => {
      try {
        f()
      } catch (error) {
        return (error as AppError).code
      }
    }
    expect(code(() => m.transition('reviewing', 'approve', 'user'))).toBe('FORBIDDEN')
    expect(code(() => m.transition('approved', 'reject', 'operator', '迟到的结果'))).toBe('APPLICATION_INVALID_TRANSITION')
    expect(code(() => m.transition('reviewing', 'reject', 'operator', '  '))).toBe('APPLICATION_REASON_REQUIRED')
    expect(m.availableEvents('rejected', 'user')).toEqual(['resubmit'])
    expect(m.availableEvents('approved', 'user')).toEqual([])
  })
})
