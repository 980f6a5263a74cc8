import { AppError } from '@/domain/errors'
import {
  IdNumber,
  checkBirthDateNotFuture,
  idNumberCheckChar,
  maskIdNumber,
  requireIdNumber,
  validateIdNumber,
} from '@/domain/identity/id-number'
import { fieldErrors, parseInput } from '@/domain/validation'

const TODAY = '2026-11-24'

describe('resident identity numbers (GB 11643-1999)', () => {
  it('accepts a valid number and reads its birth date and sex', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({ ok: true, normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' })
    expect(validateIdNumber('440305199003071236', TODAY)).toEqual({ ok: true, normalized: '440305199003071236', birthDate: '1990-03-07', sex: 'male' })
  })

  it('computes the ISO 7064 MOD 11-2 check character, including X for 10', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
    expect(idNumberCheckChar('44030519900307123')).toBe('6')
  })

  it('accepts a lower-case x and normalises it to X', () => {
    expect(validateIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, normalized: '11010519491231002X' })
  })

  it('ignores spaces and full-width digits typed by a Chinese input method', () => {
    expect(validateIdNumber(' 110105 19491231 002Ｘ ', TODAY)).toMatchObject({ ok: true, normalized: '11010519491231002X' })
    expect(validateIdNumber('４４０３０５１９９００３０７１２３６', TODAY)).toMatchObject({ ok: true, normalized: '440305199003071236' })
  })

  it('refuses a wrong check character', () => {
    expect(validateIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, reason: '身份证号码校验位不正确，请逐位核对' })
  })

  it('refuses a single mistyped digit, which the checksum catches', () => {
    expect(validateIdNumber('11010519491231003X', TODAY)).toMatchObject({ ok: false, reason: '身份证号码校验位不正确，请逐位核对' })
  })

  it('refuses the wrong length and stray characters', () => {
    expect(validateIdNumber('', TODAY)).toEqual({ ok: false, reason: '请填写身份证号码' })
    expect(validateIdNumber('11010519491231002', TODAY)).toEqual({ ok: false, reason: '身份证号码应为 18 位' })
    expect(validateIdNumber('110105194912310', TODAY)).toEqual({ ok: false, reason: '身份证号码应为 18 位' })
    expect(validateIdNumber('1101051949123X0021', TODAY)).toEqual({ ok: false, reason: '身份证号码前 17 位应为数字，最后一位为数字或 X' })
  })

  it('refuses Feb 29 in a year that is not a leap year, and accepts it in one that is', () => {
    expect(validateIdNumber('110105200102290010', TODAY)).toEqual({ ok: false, reason: '身份证号码中的出生日期不存在' })
    expect(validateIdNumber('440305200002290045', TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' })
  })

  it('refuses a month 13 and a Feb 31', () => {
    expect(validateIdNumber('110105190013010017', TODAY)).toMatchObject({ ok: false, reason: '身份证号码中的出生日期不存在' })
    expect(validateIdNumber('110105199902310010', TODAY)).toMatchObject({ ok: false, reason: '身份证号码中的出生日期不存在' })
  })

  it('refuses a birth date after today, but accepts a child born today', () => {
    expect(validateIdNumber('110105202612010014', TODAY)).toEqual({ ok: false, reason: '身份证号码中的出生日期晚于今天' })
    expect(validateIdNumber('110105202611240010', TODAY)).toMatchObject({ ok: true, birthDate: '2026-11-24' })
  })

  it('refuses a birth date before 1900 and accepts 1 January 1900', () => {
    expect(validateIdNumber('110105189912310015', TODAY)).toEqual({ ok: false, reason: '身份证号码中的出生日期早于 1900 年' })
    expect(validateIdNumber('11010519000101001X', TODAY)).toMatchObject({ ok: true, birthDate: '1900-01-01' })
  })

  it('refuses province code 99, and 81 (Hong Kong) which is outside the mainland list, even with a correct checksum', () => {
    expect(validateIdNumber('990105199001010014', TODAY)).toEqual({ ok: false, reason: '身份证号码前两位不是有效的省份代码' })
    expect(validateIdNumber('810000199001010019', TODAY)).toMatchObject({ ok: false, reason: '身份证号码前两位不是有效的省份代码' })
  })

  it('checks the birth date against today separately, for the schema path', () => {
    expect(checkBirthDateNotFuture('2026-11-25', TODAY)).toEqual({ ok: false, reason: '身份证号码中的出生日期晚于今天' })
    expect(checkBirthDateNotFuture('2026-11-24', TODAY)).toEqual({ ok: true })
    expect(() => checkBirthDateNotFuture('2026-11-24', '24/11/2026')).toThrow(RangeError)
  })

  it('throws ID_NUMBER_INVALID with the reason for handlers', () => {
    expect(requireIdNumber('11010519491231002x', TODAY).normalized).toBe('11010519491231002X')
    expect(() => requireIdNumber('110105202612010014', TODAY)).toThrow(new AppError('ID_NUMBER_INVALID', '身份证号码中的出生日期晚于今天'))
  })
})

describe('the IdNumber schema', () => {
  it('normalises a valid number', () => {
    expect(parseInput(IdNumber, '11010519491231002x')).toBe('11010519491231002X')
  })

  it('reports exactly one Chinese reason per bad number', () => {
    expect(fieldErrors(IdNumber, '110105194912310021')).toEqual({ '': '身份证号码校验位不正确，请逐位核对' })
    expect(fieldErrors(IdNumber, '990105199001010014')).toEqual({ '': '身份证号码前两位不是有效的省份代码' })
    expect(fieldErrors(IdNumber, '110105200102290010')).toEqual({ '': '身份证号码中的出生日期不存在' })
    expect(fieldErrors(IdNumber, 110105)).toEqual({ '': '请填写身份证号码' })
  })

  it('leaves the future-date check to the caller, who knows today', () => {
    expect(parseInput(IdNumber, '110105202612010014')).toBe('110105202612010014')
  })
})

describe('masking an identity number', () => {
  it('shows the first 6 and last 4 characters around 8 stars', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X')
  })

  it('reveals nothing of a value that is not 18 characters', () => {
    expect(maskIdNumber('1101051949')).toBe('**********')
    expect(maskIdNumber('')).toBe('********')
  })
})
