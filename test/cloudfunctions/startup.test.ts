import { createMain } from '../../cloudfunctions/_shared/wx/main'
import { userFunction } from '../../cloudfunctions/user/user.function'

/** In production the key comes from the function's environment; without it the function must not start. */
describe('production start-up', () => {
  const saved = process.env.HUIZHI_DATA_KEY
  afterEach(() => {
    if (saved === undefined) delete process.env.HUIZHI_DATA_KEY
    else process.env.HUIZHI_DATA_KEY = saved
  })

  it('fails at cold start, naming the variable, when HUIZHI_DATA_KEY is missing', () => {
    delete process.env.HUIZHI_DATA_KEY
    expect(() => createMain(userFunction)).toThrow(/HUIZHI_DATA_KEY is not set.*openssl rand -base64 32.*未配置/)
  })

  it('fails when the key is not 32 bytes, and never prints the key', () => {
    process.env.HUIZHI_DATA_KEY = Buffer.alloc(16, 1).toString('base64')
    let message = ''
    try {
      createMain(userFunction)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/must be 32 bytes in base64 \(got 16 bytes\)/)
    expect(message).not.toContain(process.env.HUIZHI_DATA_KEY)
  })

  it('starts with a proper key', () => {
    process.env.HUIZHI_DATA_KEY = Buffer.alloc(32, 9).toString('base64')
    expect(typeof createMain(userFunction)).toBe('function')
  })
})
