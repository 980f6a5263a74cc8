import { invoke, defineFunction, action } from '../../cloudfunctions/_shared/handler'
import { createLogger } from '../../cloudfunctions/_shared/log'
import { userFunction } from '../../cloudfunctions/user/user.function'
import * as v from 'valibot'
import { ALICE, BOB, makePorts, tempDir, type TestPorts } from '../support/store'

describe('user function', () => {
  let ports: TestPorts
  let cleanup: () => void

  beforeEach(() => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir)
  })
  // The store's setup may still be writing when a test is refused before any request: close it, then delete it.
  afterEach(async () => {
    await ports.db.close()
    cleanup()
  })

  it("creates the caller's profile on the first call and returns the same one afterwards", async () => {
    const first = await invoke(userFunction, { action: 'get' }, ALICE, ports)
    expect(first).toEqual({
      ok: true,
      data: { accountTag: '00000A', nickname: '微信用户', largeText: false, createdAt: '2026-11-24T04:00:00.000Z', isOperator: false },
    })
    ports.setNow('2026-11-25T00:00:00.000Z')
    const again = await invoke(userFunction, { action: 'get' }, ALICE, ports)
    expect(again).toEqual(first)
    expect(await ports.db.collection('users').count({})).toBe(1)
  })

  it('keeps one profile per user when first calls race', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => invoke(userFunction, { action: 'get' }, BOB, ports)))
    expect(replies.every((r) => r.ok)).toBe(true)
    expect(await ports.db.collection('users').count({ _id: BOB.openid })).toBe(1)
  })

  it('takes identity from the platform, never from the payload', async () => {
    await invoke(userFunction, { action: 'get' }, ALICE, ports)
    const reply = await invoke(userFunction, { action: 'updateProfile', data: { nickname: '阿凯', openid: BOB.openid }, userInfo: { openId: BOB.openid } }, ALICE, ports)
    expect(reply.ok).toBe(true)
    expect(await ports.db.collection<{ _id: string; nickname: string }>('users').get(ALICE.openid)).toMatchObject({ nickname: '阿凯' })
    expect(await ports.db.collection('users').get(BOB.openid)).toBeNull()
  })

  it('updates the nickname and the large-text preference', async () => {
    const reply = await invoke(userFunction, { action: 'updateProfile', data: { nickname: ' 王阿姨 ', largeText: true } }, ALICE, ports)
    expect(reply).toMatchObject({ ok: true, data: { nickname: '王阿姨', largeText: true } })
  })

  it('rejects a bad nickname with a coded error and writes nothing', async () => {
    await invoke(userFunction, { action: 'get' }, ALICE, ports)
    const before = await ports.db.dump()
    const reply = await invoke(userFunction, { action: 'updateProfile', data: { nickname: '' } }, ALICE, ports)
    expect(reply).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请填写昵称', details: [{ path: 'nickname', message: '请填写昵称' }] } })
    expect(await ports.db.dump()).toEqual(before)
  })

  it('rejects an unknown action, a missing action and a non-object event, writing nothing', async () => {
    for (const event of [{ action: 'deleteEverything' }, {}, 'get', null, { action: 42 }]) {
      const reply = await invoke(userFunction, event, ALICE, ports)
      expect(reply.ok).toBe(false)
      if (!reply.ok) expect(['UNKNOWN_ACTION', 'VALIDATION_FAILED']).toContain(reply.error.code)
    }
    expect(await ports.db.dump()).toEqual({})
  })

  it('refuses a call without a WeChat identity', async () => {
    expect(await invoke(userFunction, { action: 'get' }, null, ports)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录后再操作' },
    })
  })

  it('reports operators from config and from the operators collection', async () => {
    const withConfig = makePorts(tempDir().dir, [BOB.openid])
    expect(await invoke(userFunction, { action: 'get' }, BOB, withConfig)).toMatchObject({ ok: true, data: { isOperator: true } })
    await ports.db.collection('operators').add({ _id: ALICE.openid, active: true } as never)
    expect(await invoke(userFunction, { action: 'get' }, ALICE, ports)).toMatchObject({ ok: true, data: { isOperator: true } })
  })
})

describe('handler wrapper', () => {
  const probe = defineFunction({
    name: 'probe',
    actions: {
      boom: action({ input: v.optional(v.object({})), run: async () => { throw new TypeError('secret detail') } }),
      staff: action({ input: v.optional(v.object({})), role: 'operator', run: async () => 'staff only' }),
    },
  })

  it('turns an unexpected exception into INTERNAL, never a success, and hides its detail', async () => {
    const { dir, cleanup } = tempDir()
    const reply = await invoke(probe, { action: 'boom' }, ALICE, makePorts(dir))
    cleanup()
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } })
  })

  it('refuses operator actions to normal users with FORBIDDEN and logs the attempt', async () => {
    const { dir, cleanup } = tempDir()
    const ports = makePorts(dir, [BOB.openid])
    const lines: string[] = []
    ports.log = createLogger('probe', (line) => lines.push(line))
    expect(await invoke(probe, { action: 'staff' }, ALICE, ports)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await invoke(probe, { action: 'staff' }, BOB, ports)).toEqual({ ok: true, data: 'staff only' })
    cleanup()
    const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.level === 'warn')
    expect(warnings).toEqual([{ level: 'warn', scope: 'probe', message: 'forbidden operator call', fn: 'probe', action: 'staff', openid: 'oAL*********************000a' }])
  })
})
