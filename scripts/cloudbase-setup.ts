import type { IndexDecl } from '../cloudfunctions/_shared/collections'
import { indexName, setupDatabase, type DbSetupTarget } from '../cloudfunctions/_shared/setup'

/**
 * Deploy step: creates every collection of cloudfunctions/_shared/collections.ts and its indexes in a
 * CloudBase environment, through WeChat's CloudBase HTTP API (the server SDK can create a collection but
 * has no index call). Run it after the functions are uploaded and before the app is released; running it
 * again creates nothing.
 *
 *   WX_APPID=wx… WX_APPSECRET=… TCB_ENV=prod-… npx tsx scripts/cloudbase-setup.ts
 *
 * - access token: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html
 *   (the stable token, so the running app's own token is not invalidated)
 * - collections: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseCollectionGet.html
 *   and databaseCollectionAdd.html
 * - indexes: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/updateIndex.html
 */

const API = 'https://api.weixin.qq.com'

type Fetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<{ json(): Promise<unknown> }>

interface WxAnswer {
  errcode?: number
  errmsg?: string
}

interface CollectionInfo {
  name: string
  index_count: number
}

export class WxApiError extends Error {
  constructor(readonly path: string, readonly errcode: number, errmsg: string) {
    super(`${path}: errcode ${errcode} ${errmsg}`)
    this.name = 'WxApiError'
  }
}

/** The body each index gets in `tcb/updateindex`: named by its fields so a second run can tell it exists. */
export function indexRequest(index: IndexDecl): { name: string; unique: boolean; keys: Array<{ name: string; direction: '1' | '-1' }> } {
  return { name: indexName(index), unique: index.unique ?? false, keys: index.fields.map(([name, d]) => ({ name, direction: d === 'asc' ? '1' : '-1' })) }
}

/**
 * The setup target for a CloudBase environment over WeChat's HTTP API.
 * Which indexes a collection has cannot be listed by name through this API, only counted (`index_count`,
 * which includes `_id`'s own index): a collection that already counts every declared index is left alone,
 * and otherwise each index is created on its own, an "already exists" answer counting as done.
 */
export function createHttpSetupTarget(opts: { fetch: Fetch; accessToken: string; env: string }): DbSetupTarget {
  const post = async <T extends WxAnswer>(path: string, body: object): Promise<T> => {
    const res = await opts.fetch(`${API}/${path}?access_token=${encodeURIComponent(opts.accessToken)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ env: opts.env, ...body }),
    })
    const answer = (await res.json()) as T
    if (answer.errcode) throw new WxApiError(path, answer.errcode, answer.errmsg ?? '')
    return answer
  }
  let listed: Map<string, CollectionInfo> | undefined
  const collections = async (): Promise<Map<string, CollectionInfo>> => {
    if (!listed) {
      listed = new Map()
      for (let offset = 0; ; offset += 100) {
        const page = await post<WxAnswer & { collections?: CollectionInfo[]; pager?: { Total?: number } }>('tcb/databasecollectionget', { limit: 100, offset })
        for (const c of page.collections ?? []) listed.set(c.name, c)
        if (!page.collections?.length || offset + 100 >= (page.pager?.Total ?? 0)) break
      }
    }
    return listed
  }
  return {
    async ensureCollection(name) {
      if ((await collections()).has(name)) return false
      await post('tcb/databasecollectionadd', { collection_name: name })
      ;(await collections()).set(name, { name, index_count: 1 })
      return true
    },
    async ensureIndexes(name, indexes) {
      const info = (await collections()).get(name)
      if (info && info.index_count >= indexes.length + 1) return []
      const created: string[] = []
      for (const index of indexes) {
        try {
          await post('tcb/updateindex', { collection_name: name, create_indexes: [indexRequest(index)], drop_indexes: [] })
          created.push(indexName(index))
        } catch (error) {
          if (!(error instanceof WxApiError && /exist/i.test(error.message))) throw error
        }
      }
      return created
    },
  }
}

/** A stable access token for the mini-program (appid + appsecret). */
export async function stableAccessToken(fetch: Fetch, appid: string, secret: string): Promise<string> {
  const res = await fetch(`${API}/cgi-bin/stable_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid, secret }),
  })
  const answer = (await res.json()) as WxAnswer & { access_token?: string }
  if (!answer.access_token) throw new WxApiError('cgi-bin/stable_token', answer.errcode ?? -1, answer.errmsg ?? 'no access_token')
  return answer.access_token
}

async function main(): Promise<void> {
  const { WX_APPID, WX_APPSECRET, TCB_ENV } = process.env
  const missing = Object.entries({ WX_APPID, WX_APPSECRET, TCB_ENV }).filter(([, v]) => !v).map(([k]) => k)
  if (missing.length) throw new Error(`set ${missing.join(', ')} (the mini-program's AppID and AppSecret, and the CloudBase environment ID)`)
  const accessToken = await stableAccessToken(fetch, WX_APPID!, WX_APPSECRET!)
  const report = await setupDatabase(createHttpSetupTarget({ fetch, accessToken, env: TCB_ENV! }))
  console.log(`collections created: ${report.created.join(', ') || 'none'}; already there: ${report.existing.join(', ') || 'none'}`)
  console.log(`indexes created: ${report.indexesCreated.join(', ') || 'none'}`)
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
