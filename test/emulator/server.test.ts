import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { callFn, post, start, type Emulator } from '../support/emulator'
import { tempDir } from '../support/store'

describe('local emulator: calling functions over HTTP', () => {
  let em: Emulator
  let cleanup: () => void

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    em = await start(t.dir)
  })
  afterAll(async () => {
    await em.close()
    cleanup()
  })

  it("round-trips the user function as the dev session's user", async () => {
    const users = (await (await fetch(`${em.url}/api/dev/users`)).json()) as { data: Array<{ _id: string; openid: string; name: string }> }
    const lisi = users.data.find((u) => u._id === 'lisi')!
    const reply = await callFn(em, 'user', { action: 'get' }, 'lisi')
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ ok: true, data: { accountTag: lisi.openid.slice(-6).toUpperCase(), nickname: '微信用户' } })
  })

  it('seeds two users and an operator, and the operator is one on the server', async () => {
    const users = (await (await fetch(`${em.url}/api/dev/users`)).json()) as { data: Array<{ name: string; role: string }> }
    expect(users.data.map((u) => [u.name, u.role])).toEqual([
      ['张三', 'user'],
      ['李四', 'user'],
      ['运营·王敏', 'operator'],
    ])
    expect((await callFn(em, 'user', { action: 'get' }, 'ops')).body).toMatchObject({ ok: true, data: { isOperator: true } })
    expect((await callFn(em, 'user', { action: 'get' }, 'zhangsan')).body).toMatchObject({ ok: true, data: { isOperator: false } })
  })

  describe('bad input gets a coded JSON error, a 4xx status, and writes nothing', () => {
    const cases: Array<[string, () => Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }>, number, string]> = [
      ['an unknown function', () => callFn(em, 'deleteAll', { action: 'get' }), 404, 'UNKNOWN_FUNCTION'],
      ['a body that is not JSON', () => post(em, '/api/functions/user', '{"action": get'), 400, 'BAD_JSON'],
      ['a body over 1 MB', () => post(em, '/api/functions/user', JSON.stringify({ action: 'updateProfile', data: { nickname: 'x'.repeat(1024 * 1024) } })), 413, 'PAYLOAD_TOO_LARGE'],
      ['a missing schema (no action)', () => callFn(em, 'user', { data: {} }), 400, 'VALIDATION_FAILED'],
      ['a wrong schema', () => callFn(em, 'user', { action: 'updateProfile', data: { nickname: ['array'] } }), 400, 'VALIDATION_FAILED'],
      ['an unknown action', () => callFn(em, 'user', { action: 'drop' }), 400, 'UNKNOWN_ACTION'],
      ['an unknown user', () => callFn(em, 'user', { action: 'get' }, 'ghost'), 401, 'UNKNOWN_USER'],
      ['a malformed user id', () => callFn(em, 'user', { action: 'get' }, '../../etc'), 401, 'UNKNOWN_USER'],
    ]

    it.each(cases)('%s', async (_name, send, status, code) => {
      const before = await em.db.dump()
      const res = await send()
      expect(res.status).toBe(status)
      expect(res.body.ok).toBe(false)
      expect(res.body.error?.code).toBe(code)
      expect(res.body.error?.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(await em.db.dump()).toEqual(before)
    })
  })

  it('answers a GET on a function route with 405', async () => {
    const res = await fetch(`${em.url}/api/functions/user`)
    expect(res.status).toBe(405)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'METHOD_NOT_ALLOWED' } })
  })

  it('answers an unknown API route with a coded 404', async () => {
    const res = await fetch(`${em.url}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('switches the session with a cookie and refuses a session for nobody', async () => {
    const ok = await fetch(`${em.url}/api/dev/session`, { method: 'POST', body: JSON.stringify({ userId: 'lisi' }) })
    expect(ok.status).toBe(200)
    const cookie = ok.headers.get('set-cookie')!
    expect(cookie).toMatch(/^huizhi_user=lisi;/)
    const me = await fetch(`${em.url}/api/dev/session`, { headers: { cookie: cookie.split(';')[0] } })
    expect(await me.json()).toMatchObject({ ok: true, data: { _id: 'lisi', name: '李四' } })
    const bad = await fetch(`${em.url}/api/dev/session`, { method: 'POST', body: JSON.stringify({ userId: 'nobody' }) })
    expect(bad.status).toBe(401)
  })

  it('creates a dev user from the switcher and validates the name', async () => {
    const created = await post(em, '/api/dev/users', JSON.stringify({ name: '赵大爷' }))
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ ok: true, data: { name: '赵大爷', role: 'user' } })
    const before = await em.db.dump()
    const bad = await post(em, '/api/dev/users', JSON.stringify({ name: '' }))
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: '请填写名字' } } })
    expect(await em.db.dump()).toEqual(before)
  })

  it('serves the identity switcher page in Chinese', async () => {
    const html = await (await fetch(`${em.url}/__dev`)).text()
    expect(html).toContain('切换本地用户')
  })
})

describe('local emulator: files', () => {
  let em: Emulator
  let cleanup: () => void

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    em = await start(t.dir)
  })
  afterAll(async () => {
    await em.close()
    cleanup()
  })

  const put = (cloudPath: string, body: Buffer, user = 'zhangsan') =>
    fetch(`${em.url}/api/files?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'PUT', body: new Uint8Array(body), headers: { 'x-huizhi-user': user } })

  it('stores an upload privately and serves it only through a signed, unexpired URL', async () => {
    const res = await put('photos/a/raw.jpg', Buffer.from('jpeg bytes'))
    expect(res.status).toBe(200)
    const { data } = (await res.json()) as { data: { fileID: string } }
    expect(data.fileID).toBe('cloud://local.huizhi/photos/a/raw.jpg')
    const [{ url }] = await em.ports.files.tempUrls([data.fileID], 60)
    const ok = await fetch(url)
    expect(ok.status).toBe(200)
    expect(Buffer.from(await ok.arrayBuffer()).toString()).toBe('jpeg bytes')
    const forged = await fetch(url.replace(/sig=[0-9a-f]+/, `sig=${'0'.repeat(64)}`))
    expect(forged.status).toBe(403)
    const unsigned = await fetch(`${em.url}/files/photos/a/raw.jpg`)
    expect(unsigned.status).toBe(403)
    const [{ url: expired }] = await em.ports.files.tempUrls([data.fileID], -5)
    expect((await fetch(expired)).status).toBe(403)
  })

  it("refuses to overwrite another user's file", async () => {
    await put('photos/shared/x.jpg', Buffer.from('mine'), 'zhangsan')
    const res = await put('photos/shared/x.jpg', Buffer.from('theirs'), 'lisi')
    expect(res.status).toBe(403)
    expect(await em.ports.files.download('cloud://local.huizhi/photos/shared/x.jpg')).toEqual(Buffer.from('mine'))
  })

  it.each(['../escape.jpg', '/etc/passwd', 'a/../../b.jpg', 'photos/a b.jpg', ''])('refuses the cloud path %j and writes nothing', async (cloudPath) => {
    const before = await em.db.dump()
    const res = await put(cloudPath, Buffer.from('x'))
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await em.db.dump()).toEqual(before)
  })

  it('refuses uploads over 10 MB with PAYLOAD_TOO_LARGE', async () => {
    const before = await em.db.dump()
    const res = await put('photos/big.jpg', Buffer.alloc(10 * 1024 * 1024 + 1))
    expect(res.status).toBe(413)
    expect(await em.db.dump()).toEqual(before)
  })
})

describe('local emulator: persistence and static app', () => {
  it('keeps data across a stop and a restart on the same data directory', async () => {
    const { dir, cleanup } = tempDir()
    const first = await start(dir)
    const created = await callFn(first, 'user', { action: 'updateProfile', data: { nickname: '老周' } }, 'zhangsan')
    expect(created.body.ok).toBe(true)
    await first.close()

    const second = await start(dir)
    const again = await callFn(second, 'user', { action: 'get' }, 'zhangsan')
    await second.close()
    cleanup()
    expect(again.body).toEqual(created.body)
  })

  it('serves the built H5 app, falling back to index.html for unknown paths', async () => {
    const { dir, cleanup } = tempDir()
    const site = path.join(dir, 'site')
    mkdirSync(path.join(site, 'js'), { recursive: true })
    writeFileSync(path.join(site, 'index.html'), '<title>回执</title>')
    writeFileSync(path.join(site, 'js', 'app.js'), 'console.log(1)')
    const em = await start(path.join(dir, 'data'), { staticDir: site })
    const index = await fetch(`${em.url}/`)
    const js = await fetch(`${em.url}/js/app.js`)
    const deep = await fetch(`${em.url}/pages/orders/index`)
    const escape = await fetch(`${em.url}/..%2f..%2fetc/passwd`)
    await em.close()
    cleanup()
    expect(index.headers.get('content-type')).toContain('text/html')
    expect(await index.text()).toBe('<title>回执</title>')
    expect(js.headers.get('content-type')).toContain('javascript')
    expect(await deep.text()).toBe('<title>回执</title>')
    expect(await escape.text()).toBe('<title>回执</title>')
  })
})
