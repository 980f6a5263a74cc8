import { AppError } from '@/domain/errors'
import { allProvinces, cityByCode, cityLabel, isProvinceOnly, requireCity } from '@/domain/region'

describe('administrative divisions', () => {
  it('knows 深圳市 as a city of 广东省', () => {
    expect(cityByCode('440300')).toEqual({ code: '440300', name: '深圳市', provinceCode: '440000', provinceName: '广东省' })
    expect(cityLabel(requireCity('440300'))).toBe('广东省 · 深圳市')
  })

  it('refuses a province alone with a message that asks for the city', () => {
    expect(isProvinceOnly('440000')).toBe(true)
    expect(() => requireCity('440000')).toThrow(new AppError('VALIDATION_FAILED', '请选择具体城市（例如深圳市），不能只选省份'))
  })

  it('treats the four municipalities as cities', () => {
    for (const code of ['110000', '120000', '310000', '500000']) {
      expect(isProvinceOnly(code)).toBe(false)
      expect(requireCity(code).code).toBe(code)
    }
    expect(cityLabel(requireCity('310000'))).toBe('上海市')
  })

  it('refuses unknown codes and leaves out Hong Kong, Macao and Taiwan', () => {
    expect(() => requireCity('999999')).toThrow('城市代码不正确')
    expect(allProvinces().map((p) => p.code)).not.toContain('810000')
    expect(allProvinces().length).toBe(31)
  })
})
