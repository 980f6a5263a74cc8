import { AppError } from '@/domain/errors'
import type { ApplicationView } from '@/domain/cancellation/cancellation.view'
import {
  EMPTY_APPLY,
  applyErrors,
  cardFieldState,
  cardStatus,
  editingOf,
  fieldsOfDetails,
  formOf,
  grouped,
  holderEditedAtStart,
  holderOf,
  type ApplyCase,
  type ApplyValues,
} from '@/features/cancellation/application.form'

const TODAY = '2026-12-02'
const RETIRE: ApplyCase = { cityCode: '440300', reason: 'retire_short', accountState: 'normal', realNameVerified: true }
const DEATH: ApplyCase = { ...RETIRE, reason: 'death' }
const FILLED: ApplyValues = { ...EMPTY_APPLY, insuredName: '陈小梅', insuredId: '11010519491231002X', phone: '13912345678', bankCode: 'ICBC', cardNumber: '6222 0212 3456 7890 128' }

describe('the cancellation application form', () => {
  it('sends no heir unless the insured person died, and the holder follows the payee until edited', () => {
    const form = formOf(RETIRE, FILLED, holderOf(RETIRE, FILLED, false))
    expect(form).not.toHaveProperty('heir')
    expect(form.bank.holderName).toBe('陈小梅')
    const heirValues = { ...FILLED, heirName: '陈大明', heirId: '110105197001010011', heirRelation: 'child' as const }
    expect(formOf(DEATH, heirValues, holderOf(DEATH, heirValues, false))).toMatchObject({ heir: { name: '陈大明', relation: 'child' }, bank: { holderName: '陈大明' } })
    expect(holderOf(RETIRE, { ...FILLED, holderName: '李四' }, true)).toBe('李四')
  })

  it('finds nothing wrong with a complete application in the payee’s name', () => {
    expect(applyErrors(formOf(RETIRE, FILLED, '陈小梅'), TODAY)).toEqual({})
  })

  it('names each empty field with the schema’s message', () => {
    const errors = applyErrors(formOf(RETIRE, EMPTY_APPLY, ''), TODAY)
    expect(Object.keys(errors).sort()).toEqual(['bankCode', 'cardNumber', 'holderName', 'insuredId', 'insuredName', 'phone'])
    expect(errors.cardNumber).toBe('请填写银行卡号')
  })

  it('refuses a birth date after today, which the schema alone cannot know', () => {
    const errors = applyErrors(formOf(RETIRE, { ...FILLED, insuredId: '110105202712310026' }, '陈小梅'), TODAY)
    expect(Object.keys(errors)).toEqual(['insuredId'])
  })

  it('puts a card in another name on the holder field', () => {
    expect(applyErrors(formOf(RETIRE, FILLED, '李四'), TODAY)).toEqual({ holderName: '户名须为参保人本人' })
  })

  it('asks for the heir after a death', () => {
    const errors = applyErrors(formOf(DEATH, FILLED, ''), TODAY)
    expect(Object.keys(errors).sort()).toEqual(expect.arrayContaining(['heirName', 'heirId']))
  })

  it('maps the server’s field details onto the form and ignores other paths', () => {
    const error = new AppError('VALIDATION_FAILED', '请检查', [
      { path: 'bank.cardNumber', message: '银行卡号校验不通过，请逐位核对' },
      { path: 'somewhere', message: '?' },
    ])
    expect(fieldsOfDetails(error)).toEqual({ cardNumber: '银行卡号校验不通过，请逐位核对' })
    expect(fieldsOfDetails(new Error('network'))).toEqual({})
  })

  it('follows the card number as it is typed: typing, bad, then ok, in groups of four', () => {
    expect(cardStatus('')).toBeUndefined()
    expect(cardStatus('6222 0212')).toMatchObject({ tone: 'typing', digits: '62220212' })
    expect(cardStatus('6222021234567890127')).toMatchObject({ tone: 'bad', message: '银行卡号校验不通过，请逐位核对' })
    expect(cardStatus('6222 0212 3456 7890 128')).toMatchObject({ tone: 'ok' })
    expect(grouped('6222021234567890128')).toBe('6222 0212 3456 7890 128')
  })

  it('shows a half-typed card as wrong only once the field was left, and the server’s word first', () => {
    const typing = cardStatus('6222')
    expect(cardFieldState(typing, { touched: false })).toEqual({ message: undefined, bad: false })
    expect(cardFieldState(typing, { touched: true, check: '借记卡号应为 16–19 位数字' })).toEqual({ message: undefined, bad: true })
    expect(cardFieldState(undefined, { touched: true, check: '请填写银行卡号' })).toEqual({ message: '请填写银行卡号', bad: true })
    expect(cardFieldState(cardStatus('6222 0212 3456 7890 128'), { touched: true, server: '户名不符' })).toEqual({ message: '户名不符', bad: true })
  })

  it('prefills an edit with names, relation, bank and holder, never the numbers', () => {
    const view = {
      applicationId: 'app_1',
      cityCode: '440300',
      reason: 'death',
      accountState: 'normal',
      realNameVerified: true,
      insured: { name: '陈小梅', idNumberMasked: '1101**********002X' },
      heir: { name: '陈大明', idNumberMasked: '1101**********0011', relation: 'child' },
      phoneMasked: '139****5678',
      bank: { bankCode: 'ICBC', cardMasked: '6222 **** 0128', holderName: '陈大明' },
    } as unknown as ApplicationView
    const { c, values } = editingOf(view)
    expect(values).toEqual({ ...EMPTY_APPLY, insuredName: '陈小梅', heirName: '陈大明', heirRelation: 'child', bankCode: 'ICBC', holderName: '陈大明' })
    expect(c.masked).toEqual({ insuredId: '1101**********002X', heirId: '1101**********0011', phone: '139****5678', card: '6222 **** 0128' })
    expect(holderEditedAtStart(c, values)).toBe(false)
    expect(holderEditedAtStart(c, { ...values, holderName: '别人' })).toBe(true)
  })
})
