import { BankCardNumber, luhnValid, maskBankCard, validateBankCard } from '@/domain/identity/bank-card'
import { fieldErrors, parseInput } from '@/domain/validation'

describe('bank card numbers for refunds', () => {
  it('accepts 12 to 19 digits that pass the Luhn check', () => {
    expect(validateBankCard('123456789015')).toEqual({ ok: true, normalized: '123456789015' })
    expect(validateBankCard('4111111111111111')).toEqual({ ok: true, normalized: '4111111111111111' })
    expect(validateBankCard('6222020000000000000')).toEqual({ ok: true, normalized: '6222020000000000000' })
  })

  it('runs the Luhn check: one changed digit fails', () => {
    expect(luhnValid('79927398713')).toBe(true)
    expect(luhnValid('79927398710')).toBe(false)
    expect(validateBankCard('4111111111111112')).toEqual({ ok: false, reason: '银行卡号校验不通过，请逐位核对' })
  })

  it('refuses fewer than 12 or more than 19 digits, and letters', () => {
    expect(validateBankCard('79927398713')).toEqual({ ok: false, reason: '银行卡号应为 12–19 位数字' })
    expect(validateBankCard('62220200000000000000')).toEqual({ ok: false, reason: '银行卡号应为 12–19 位数字' })
    expect(validateBankCard('6222O20000000000000')).toEqual({ ok: false, reason: '银行卡号应为 12–19 位数字' })
    expect(validateBankCard(' ')).toEqual({ ok: false, reason: '请填写银行卡号' })
  })

  it('drops the spaces typed between groups of four', () => {
    expect(parseInput(BankCardNumber, '6222 0200 0000 0000 000')).toBe('6222020000000000000')
    expect(fieldErrors(BankCardNumber, '4111 1111 1111 1112')).toEqual({ '': '银行卡号校验不通过，请逐位核对' })
  })

  it('shows only the last four digits', () => {
    expect(maskBankCard('6222 0200 0000 0000 000')).toBe('**** 0000')
    expect(maskBankCard('4111111111111111')).toBe('**** 1111')
    expect(maskBankCard('1234')).toBe('**** ****')
  })
})
