import { maskName } from '@/domain/identity/name'

describe('maskName', () => {
  it('keeps the surname and stars the rest, one per character', () => {
    expect(maskName('张三丰')).toBe('张**')
    expect(maskName('欧阳娜娜')).toBe('欧***')
  })

  it('leaves a one-character name as it is', () => {
    expect(maskName('张')).toBe('张')
    expect(maskName('')).toBe('')
  })
})
