import { COLLECTIONS } from '../../../cloudfunctions/_shared/collections'
import { indexName, setupDatabase } from '../../../cloudfunctions/_shared/setup'
import { createHttpSetupTarget, stableAccessToken } from '../../../scripts/cloudbase-setup'

/**
 * The deploy step that creates the database, against a recording stand-in of WeChat's CloudBase HTTP API
 * (databasecollectionget / databasecollectionadd / updateindex): the exact requests, and idempotence.
 */
interface Sent {
  path: string
  body: Record<string, unknown>
}

function wechat(existing: Array<{ name: string; index_count: number }>, answer: (s: Sent) => object | undefined = () => undefined) {
  const sent: Sent[] = []
  const fetch = async (url: string, init: { body: string }) => {
    const u = new URL(url)
    const s = { path: u.pathname.slice(1), body: JSON.parse(init.body) as Record<string, unknown> }
    expect(u.searchParams.get('access_token') ?? 'token-1').toBe('token-1')
    sent.push(s)
    const custom = answer(s)
    const json = custom ?? (s.path === 'tcb/databasecollectionget' ? { errcode: 0, errmsg: 'ok', collections: existing, pager: { Offset: 0, Limit: 100, Total: existing.length } } : { errcode: 0, errmsg: 'ok' })
    return { json: async () => json }
  }
  return { sent, fetch }
}

describe('scripts/cloudbase-setup.ts against WeChat’s CloudBase HTTP API', () => {
  it('creates every declared collection, then each declared index, with the documented request bodies', async () => {
    const api = wechat([])
    const report = await setupDatabase(createHttpSetupTarget({ fetch: api.fetch, accessToken: 'token-1', env: 'prod-1a2b' }))
    expect(report.created).toEqual(COLLECTIONS.map((c) => c.name))
    expect(api.sent[0]).toEqual({ path: 'tcb/databasecollectionget', body: { env: 'prod-1a2b', limit: 100, offset: 0 } })
    const adds = api.sent.filter((s) => s.path === 'tcb/databasecollectionadd').map((s) => s.body)
    expect(adds).toEqual(COLLECTIONS.map((c) => ({ env: 'prod-1a2b', collection_name: c.name })))
    const orders = api.sent.filter((s) => s.path === 'tcb/updateindex' && s.body.collection_name === 'orders').map((s) => s.body)
    expect(orders[0]).toEqual({
      env: 'prod-1a2b',
      collection_name: 'orders',
      create_indexes: [{ name: 'openid_1_createdAt_-1', unique: false, keys: [{ name: 'openid', direction: '1' }, { name: 'createdAt', direction: '-1' }] }],
      drop_indexes: [],
    })
    expect(api.sent.filter((s) => s.path === 'tcb/updateindex')).toHaveLength(COLLECTIONS.reduce((n, c) => n + c.indexes.length, 0))
  })

  it('creates nothing when every collection is there with its indexes', async () => {
    const api = wechat(COLLECTIONS.map((c) => ({ name: c.name, index_count: c.indexes.length + 1 })))
    const report = await setupDatabase(createHttpSetupTarget({ fetch: api.fetch, accessToken: 'token-1', env: 'prod-1a2b' }))
    expect(report).toEqual({ created: [], existing: COLLECTIONS.map((c) => c.name), indexesCreated: [] })
    expect(api.sent.map((s) => s.path)).toEqual(['tcb/databasecollectionget'])
  })

  it('takes an index that already exists for done, and stops on any other refusal', async () => {
    const partial = COLLECTIONS.map((c) => ({ name: c.name, index_count: c.name === 'outbox' ? 2 : c.indexes.length + 1 }))
    const exists = wechat(partial, (s) => (s.path === 'tcb/updateindex' && (s.body.create_indexes as Array<{ name: string }>)[0].name === 'status_1_nextAttemptAt_1' ? { errcode: -502001, errmsg: 'index already exist' } : undefined))
    const report = await setupDatabase(createHttpSetupTarget({ fetch: exists.fetch, accessToken: 'token-1', env: 'e' }))
    const outbox = COLLECTIONS.find((c) => c.name === 'outbox')!.indexes.map((i) => `outbox.${indexName(i)}`)
    expect(outbox[0]).toBe('outbox.status_1_nextAttemptAt_1')
    expect(report.indexesCreated).toEqual(outbox.slice(1))

    const refused = wechat([], (s) => (s.path === 'tcb/databasecollectionadd' ? { errcode: 85088, errmsg: 'no cloudbase' } : undefined))
    await expect(setupDatabase(createHttpSetupTarget({ fetch: refused.fetch, accessToken: 'token-1', env: 'e' }))).rejects.toThrow('tcb/databasecollectionadd: errcode 85088 no cloudbase')
  })

  it('asks for a stable access token with the AppID and AppSecret', async () => {
    const api = wechat([], (s) => (s.path === 'cgi-bin/stable_token' ? { access_token: 'token-1', expires_in: 7200 } : undefined))
    expect(await stableAccessToken(api.fetch, 'wx123', 'secret')).toBe('token-1')
    expect(api.sent).toEqual([{ path: 'cgi-bin/stable_token', body: { grant_type: 'client_credential', appid: 'wx123', secret: 'secret' } }])
  })
})
