import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { WriteLimiter } from '../../emulator/security'
import { callFn, post, start, type Emulator } from '../support/emulator'
import { tempDir } from '../support/store'

describe('emulator security: headers, CSP, body size, write rate limit', () => {
  let em: Emulator
  let cleanup: () => void
  const inline = 'window.__flex=1'

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const site = path.join(t.dir, 'site')
    mkdirSync(site, { recursive: true })
    writeFileSync(path.join(site, 'index.html'), `<!DOCTYPE html><html><head><script>${inline}</script><script src="/js/app.js"></script></head><body></body></html>`)
    em = await start(path.join(t.dir, 'data'), { staticDir: site, writeBurst: 5, writesPerSecond: 0.001 })
  })
  afterAll(async () => {
    await em.close()
    cleanup()
  })

  it('serves the app with a CSP that allows only its own scripts and the hashed inline one', async () => {
    const res = await fetch(`${em.url}/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    const hash = createHash('sha256').update(inline).digest('base64')
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    for (const [name, value] of [['x-content-type-options', 'nosniff'], ['x-frame-options', 'DENY'], ['referrer-policy', 'no-referrer']]) expect(res.headers.get(name)).toBe(value)
  })

  it('puts the security headers on API answers and errors too', async () => {
    const res = await fetch(`${em.url}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })

  it('refuses a body over 1 MB with PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ action: 'updateProfile', data: { nickname: 'x'.repeat(1_100_000) } })
    expect(await post(em, '/api/functions/user', big, 'lisi')).toMatchObject({ status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } } })
  })

  it('limits writes per user (429 RATE_LIMITED, nothing written), never reads, and not other users', async () => {
    const write = (user: string, n: number) => callFn(em, 'user', { action: 'updateProfile', data: { nickname: `名字${n}` } }, user)
    const replies = []
    for (let i = 0; i < 8; i++) replies.push(await write('zhangsan', i))
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
    expect(replies[7].body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍等几秒再试' } })
    expect((await callFn(em, 'user', { action: 'get' }, 'zhangsan')).body).toMatchObject({ ok: true, data: { nickname: '名字4' } })
    expect((await write('lisi', 9)).status).toBe(200)
  })

  it('refills the bucket over time', () => {
    let t = 0
    const limiter = new WriteLimiter(2, 1, () => t)
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false])
    t = 1000
    expect(limiter.take('a')).toBe(true)
    expect(limiter.take('a')).toBe(false)
  })
})
