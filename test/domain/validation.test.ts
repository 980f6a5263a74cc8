import { AppError } from '@/domain/errors'
import { UpdateProfileInput, accountTagOf } from '@/domain/user/user.schema'
import { fieldErrors, parseInput } from '@/domain/validation'

describe('profile input', () => {
  it('accepts a nickname and trims it', () => {
    expect(parseInput(UpdateProfileInput, { nickname: '  王阿姨 ' })).toEqual({ nickname: '王阿姨' })
  })

  it('refuses an empty nickname with one Chinese message per field', () => {
    let caught: unknown
    try {
      parseInput(UpdateProfileInput, { nickname: '   ' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    const err = caught as AppError
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.message).toBe('请填写昵称')
    expect(err.details).toEqual([{ path: 'nickname', message: '请填写昵称' }])
  })

  it('refuses nicknames over 20 characters and markup', () => {
    expect(fieldErrors(UpdateProfileInput, { nickname: '字'.repeat(21) })).toEqual({ nickname: '昵称最多 20 个字' })
    expect(fieldErrors(UpdateProfileInput, { nickname: '<script>' })).toEqual({ nickname: '昵称不能包含特殊符号' })
    expect(fieldErrors(UpdateProfileInput, { nickname: 12 })).toEqual({ nickname: '昵称需要是文字' })
  })

  it('drops keys the schema does not know, such as an openid sent by the client', () => {
    expect(parseInput(UpdateProfileInput, { nickname: '小李', openid: 'oFORGED' })).toEqual({ nickname: '小李' })
  })

  it('shows only the last six characters of an openid, upper-cased', () => {
    expect(accountTagOf('oAbCdEfGhIjKlMnOpQrStUvWxYz1')).toBe('WXYZ1'.padStart(6, 'V'))
  })
})

describe('messages for structural errors', () => {
  it('names a missing required key in Chinese', () => {
    expect(fieldErrors(UpdateProfileInput, {})).toEqual({ nickname: '缺少必填项：nickname' })
  })

  it('says a non-object input is malformed, in Chinese', () => {
    expect(() => parseInput(UpdateProfileInput, 'text')).toThrow('请求格式不正确')
  })
})
