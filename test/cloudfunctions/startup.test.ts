import { createMain } from '../../cloudfunctions/_shared/wx/main'
import { userFunction } from '../../cloudfunctions/user/user.function'
import { assertRuntime } from '../../cloudfunctions/_shared/wx/runtime'

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

  it('fails at cold start on a runtime without the global fetch (CloudBase Node.js 16), naming the runtime to choose', () => {
    process.env.HUIZHI_DATA_KEY = Buffer.alloc(32, 9).toString('base64')
    const saved = globalThis.fetch
    try {
      // As on Node.js 16: no global fetch.
      Reflect.deleteProperty(globalThis, 'fetch')
      expect(() => createMain(userFunction)).toThrow(/no global fetch.*runtime Nodejs18\.15/)
    } finally {
      globalThis.fetch = saved
    }
    expect(() => assertRuntime({ fetch: () => undefined, AbortSignal: { timeout: () => undefined } }, '16.13.2')).toThrow(/Node\.js 16\.13\.2/)
    expect(() => assertRuntime({ fetch: () => undefined, AbortSignal: { timeout: () => undefined } }, '18.15.0')).not.toThrow()
  })
})
