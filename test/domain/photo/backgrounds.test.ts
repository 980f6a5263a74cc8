import { backgroundsOf, withBackground } from '@/domain/photo/backgrounds'
import { specById } from '@/domain/photo/specs'

describe('background colour per spec', () => {
  it('lets 出入境 photos be white, light grey or light blue, as its source allows, white first', () => {
    expect(backgroundsOf(specById('exit-entry')!).map((b) => b.name)).toEqual(['白色', '浅灰色', '淡蓝色'])
  })

  it('offers only white where the spec allows nothing else (社保卡, 居民身份证)', () => {
    expect(backgroundsOf(specById('ssc-shenzhen')!).map((b) => b.name)).toEqual(['白色'])
    expect(backgroundsOf(specById('id-card')!).map((b) => b.name)).toEqual(['白色'])
  })

  it('makes the spec with the chosen background, and refuses one the spec does not allow', () => {
    expect(withBackground(specById('exit-entry')!, '淡蓝色')!.background).toEqual({ name: '淡蓝色', rgb: [200, 225, 245] })
    expect(withBackground(specById('exit-entry')!, undefined)).toBe(specById('exit-entry'))
    expect(withBackground(specById('id-card')!, '淡蓝色')).toBeUndefined()
    expect(withBackground(specById('exit-entry')!, '红色')).toBeUndefined()
  })
})
