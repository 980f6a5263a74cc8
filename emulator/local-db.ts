import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import Datastore from '@seald-io/nedb'
import { Db as CloudBaseDb } from '@cloudbase/database'
import { EJSON } from 'bson'
import type { IndexDecl } from '../cloudfunctions/_shared/collections'
import type { Collection, Db, Doc } from '../cloudfunctions/_shared/ports'
import { indexName, type DbSetupTarget } from '../cloudfunctions/_shared/setup'
import { createWxDb } from '../cloudfunctions/_shared/wx/wx-db'

type Store = Datastore<Record<string, unknown>>
type Json = Record<string, unknown>

/** One answer on CloudBase's database wire: what `@cloudbase/database`'s requester resolves with. */
export interface WireReply {
  requestId: string
  data?: Json
  /** A failure: one of CloudBase's database error names (https://docs.cloudbase.net/error-code/basic), and its message. */
  code?: string
  message?: string
}

const NAME = /^[a-z][a-z0-9_]{0,63}$/

/** The messages CloudBase's MongoDB gives; the adapter in wx-db.ts recognises the duplicate one (E11000). */
const fail = (code: string, message: string): WireReply => ({ requestId: newRequestId(), code, message })
const missing = (name: string) => fail('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${name}`)

function newRequestId(): string {
  return randomBytes(8).toString('hex')
}

/**
 * A CloudBase database on the local disk: it answers the requests `@cloudbase/database` sends
 * (`database.insertDocument`, `getDocument`, `calculateDocument`, `modifyDocument`, `removeDocument`,
 * `addCollection`) with CloudBase's semantics, over one NeDB file per collection under `<dir>`:
 * - a collection exists only once created (the setup action does it); any request on another one fails with
 *   DATABASE_COLLECTION_NOT_EXIST (-502005 after the SDK's mapping);
 * - an insert with an `_id` that exists fails with MongoDB's E11000 inside DATABASE_REQUEST_FAILED (-502001);
 * - updates arrive as MongoDB update documents built by the SDK's serializer (plain objects already flattened
 *   into dotted `$set` paths), and a dotted path through a null or a scalar fails as MongoDB fails it.
 * The differences that remain are in docs/cloudbase-differences.md.
 */
export class LocalDatabaseServer {
  private readonly stores = new Map<string, Store>()
  private readonly indexed = new Map<string, Set<string>>()
  /** Requests wait for this: the setup action started before the first request. */
  private gate: Promise<unknown> = Promise.resolve()

  constructor(private readonly dir: string) {}

  /** Makes every request wait until `work` (the setup action) has finished. */
  holdUntil(work: Promise<unknown>): void {
    const previous = this.gate
    this.gate = Promise.all([previous, work.catch(() => undefined)])
  }

  /** Loads every collection created earlier (one `.db` file each), before the first request. */
  async open(): Promise<void> {
    const files = await readdir(this.dir).catch(() => [] as string[])
    await Promise.all(files.filter((f) => f.endsWith('.db') && NAME.test(f.slice(0, -3))).map((f) => this.createCollection(f.slice(0, -3))))
  }

  has(name: string): boolean {
    return this.stores.has(name)
  }

  names(): string[] {
    return [...this.stores.keys()].sort()
  }

  /** Creates a collection (and its file); false when it existed already. */
  async createCollection(name: string): Promise<boolean> {
    if (!NAME.test(name)) throw new Error(`bad collection name ${name}`)
    if (this.stores.has(name)) return false
    const store: Store = new Datastore({ filename: path.join(this.dir, `${name}.db`) })
    this.stores.set(name, store)
    await store.loadDatabaseAsync()
    return true
  }

  /** Single-field indexes: the embedded store has no composite ones, so a composite index's first field serves. */
  async ensureIndexes(name: string, indexes: readonly IndexDecl[]): Promise<string[]> {
    const store = this.stores.get(name)
    if (!store) throw new Error(`collection ${name} does not exist`)
    const created: string[] = []
    for (const index of indexes) {
      const fieldName = index.fields[0][0]
      const done = this.indexed.get(name) ?? new Set<string>()
      this.indexed.set(name, done)
      if (done.has(fieldName)) continue
      done.add(fieldName)
      await store.ensureIndexAsync({ fieldName })
      created.push(indexName(index))
    }
    return created
  }

  /** Every document of every non-empty collection, by collection, sorted by `_id`. */
  async dump(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {}
    for (const name of this.names()) {
      const docs = await this.stores.get(name)!.findAsync({}).sort({ _id: 1 })
      if (docs.length) out[name] = docs
    }
    return out
  }

  /** Lets the setup action in flight finish (it may still be creating collection files), then compacts every file. */
  async close(): Promise<void> {
    await this.gate
    await Promise.all([...this.stores.values()].map((s) => s.compactDatafileAsync()))
  }

  /** Answers one request as CloudBase's database service would. */
  async handle(action: string, params: Json): Promise<WireReply> {
    await this.gate
    const name = String(params.collectionName)
    if (action === 'database.addCollection') {
      return (await this.createCollection(name)) ? { requestId: newRequestId(), data: {} } : fail('DATABASE_REQUEST_FAILED', `[ResourceInUse] Table exist: ${name}`)
    }
    const store = this.stores.get(name)
    if (!store) return missing(name)
    switch (action) {
      case 'database.insertDocument':
        return this.insert(name, store, (params.data as string[]).map((d) => EJSON.parse(d) as Json))
      case 'database.getDocument': {
        let cursor = store.findAsync(query(params.query))
        if (typeof params.order === 'string') cursor = cursor.sort(EJSON.parse(params.order) as Record<string, number>)
        if (params.offset) cursor = cursor.skip(Number(params.offset))
        cursor = cursor.limit(Number(params.limit))
        const docs = await cursor
        return { requestId: newRequestId(), data: { list: docs.map((d) => EJSON.stringify(d)) } }
      }
      case 'database.calculateDocument':
        return { requestId: newRequestId(), data: { total: await store.countAsync(query(params.query)) } }
      case 'database.modifyDocument':
        return this.modify(store, query(params.query), EJSON.parse(String(params.data)) as Json, params.multi !== false)
      case 'database.removeDocument': {
        const deleted = await store.removeAsync(query(params.query), { multi: params.multi !== false })
        return { requestId: newRequestId(), data: { deleted } }
      }
      default:
        return fail('DATABASE_INVALID_OPERRATOR', `unsupported action ${action}`)
    }
  }

  private async insert(name: string, store: Store, docs: Json[]): Promise<WireReply> {
    const insertedIds: string[] = []
    for (const doc of docs) {
      if (doc._id === undefined) doc._id = randomBytes(16).toString('hex')
      try {
        await store.insertAsync(doc)
      } catch (error) {
        if ((error as { errorType?: string }).errorType !== 'uniqueViolated') throw error
        return fail('DATABASE_REQUEST_FAILED', `[FailedOperation] E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`)
      }
      insertedIds.push(String(doc._id))
    }
    return { requestId: newRequestId(), data: { insertedIds } }
  }

  private async modify(store: Store, where: Json, update: Json, multi: boolean): Promise<WireReply> {
    const paths = Object.values(update).flatMap((fields) => Object.keys(fields as Json)).filter((p) => p.includes('.'))
    if (paths.length) {
      for (const doc of await store.findAsync(where)) {
        for (const p of paths) {
          const problem = blockedPath(doc, p)
          if (problem) return fail('DATABASE_REQUEST_FAILED', `[FailedOperation] ${problem}`)
        }
      }
    }
    const { numAffected } = await store.updateAsync(where, update, { multi })
    return { requestId: newRequestId(), data: { updated: numAffected } }
  }
}

/** MongoDB refuses a dotted path whose parent is null or a scalar ("Cannot create field 'b' in element {a: null}"). */
function blockedPath(doc: Json, dotted: string): string | undefined {
  const parts = dotted.split('.')
  let value: unknown = doc
  for (let i = 0; i < parts.length - 1; i++) {
    const next = (value as Json)[parts[i]]
    if (next === undefined) return undefined
    if (next === null || typeof next !== 'object') {
      return `Cannot create field '${parts[i + 1]}' in element {${parts[i]}: ${JSON.stringify(next)}}`
    }
    value = next
  }
  return undefined
}

/** A query as the serializer sends it (EJSON text), for the embedded store, with MongoDB's meaning. */
function query(text: unknown): Json {
  if (typeof text !== 'string' || !text) return {}
  return mongoQuery(EJSON.parse(text) as Json)
}

const isOps = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value as Json).some((k) => k.startsWith('$'))

/**
 * Where MongoDB and the embedded store read a query differently: `$eq` (which the store lacks) becomes a plain
 * value, and null means "null or missing" as in MongoDB (`{ f: null }`, `$in: [null]`), while `$ne: null` and
 * `$nin: [null]` exclude a missing field.
 */
function mongoQuery(q: Json): Json {
  const out: Json = {}
  const and: Json[] = []
  for (const [field, raw] of Object.entries(q)) {
    if (field === '$and' || field === '$or' || field === '$nor') {
      out[field] = (raw as Json[]).map(mongoQuery)
      continue
    }
    let cond: unknown = raw
    if (isOps(cond) && '$eq' in cond) {
      const { $eq, ...rest } = cond
      if (Object.keys(rest).length) and.push({ [field]: $eq })
      cond = Object.keys(rest).length ? rest : $eq
    }
    if (cond === null) {
      and.push({ $or: [{ [field]: null }, { [field]: { $exists: false } }] })
      continue
    }
    if (isOps(cond)) {
      const ops: Json = { ...cond }
      if (ops.$ne === null || (Array.isArray(ops.$nin) && ops.$nin.includes(null))) ops.$exists = true
      if (Array.isArray(ops.$in) && ops.$in.includes(null)) {
        and.push({ $or: [{ [field]: { $in: ops.$in } }, { [field]: { $exists: false } }] })
        delete ops.$in
      }
      if (!Object.keys(ops).length) continue
      cond = ops
    }
    out[field] = cond
  }
  if (and.length) out.$and = [...((out.$and as Json[] | undefined) ?? []), ...and]
  return out
}

/** Where the requester finds its server in the `@cloudbase/database` config. */
export const SERVER = '__huizhiLocalDatabaseServer'

/** `@cloudbase/database`'s transport, pointed at a local server instead of CloudBase's HTTP API. */
class LocalRequester {
  private readonly server: LocalDatabaseServer
  constructor(config: Json) {
    this.server = config[SERVER] as LocalDatabaseServer
  }
  send(action: string, params: Json): Promise<WireReply> {
    return this.server.handle(action, params)
  }
}

/** wx-server-sdk's database error codes for CloudBase's error names, and its text for each code. */
const TCB_ERR_CODE: Record<string, number> = {
  SYS_ERR: -501001,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_INVALID_OPERRATOR: -502002,
  DATABASE_PERMISSION_DENIED: -502003,
  DATABASE_COLLECTION_EXCEED_LIMIT: -502004,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
}
const ERR_TEXT: Record<number, string> = {
  [-501001]: 'resource system error',
  [-502001]: 'database request fail',
  [-502002]: 'database invalid command',
  [-502003]: 'database permission denied',
  [-502004]: 'database exceed collection limit',
  [-502005]: 'database collection not exists',
}

/** The error wx-server-sdk throws for a failed reply (its error-checker and toSDKError): `errCode` and the same text. */
export function sdkError(reply: WireReply, apiName: string): Error & { errCode: number; errMsg: string } {
  const errCode = TCB_ERR_CODE[reply.code ?? ''] ?? TCB_ERR_CODE.SYS_ERR
  const error = new Error(`${apiName}:fail ${errCode} ${ERR_TEXT[errCode] ?? ''}. ${reply.message ?? ''}`) as Error & { errCode: number; errMsg: string }
  error.errCode = errCode
  error.errMsg = error.message
  return error
}

interface RawQuery {
  where(c: Json): RawQuery
  orderBy(f: string, d: string): RawQuery
  skip(n: number): RawQuery
  limit(n: number): RawQuery
  get(): Promise<WireReply & { data: Json[] }>
  count(): Promise<WireReply & { total: number }>
  update(d: Json): Promise<WireReply & { updated: number }>
  remove(): Promise<WireReply & { deleted: number }>
  add(d: Json): Promise<WireReply & { id: string }>
}

/** wx-server-sdk refuses an update with nothing in it before sending anything (its assertObjectNotEmpty, errCode -1). */
function emptyUpdate(): Error & { errCode: number; errMsg: string } {
  const errMsg = 'options.data must not be empty'
  return Object.assign(new Error(`errCode: -1 unknown error | errMsg: ${errMsg}`), { errCode: -1, errMsg })
}

function checked<R extends WireReply>(reply: R, apiName: string): R {
  if (reply.code) throw sdkError(reply, apiName)
  return reply
}

/**
 * The surface of wx-server-sdk's `cloud.database()` that wx-db.ts uses, over the real `@cloudbase/database`
 * client (the library wx-server-sdk wraps): the same query and update serializers, the same `limit` rule
 * (100 by default, at most 1000), the same answers (`{ data }`, `{ total }`, `{ stats }`) and error codes.
 */
export function localWxDatabase(server: LocalDatabaseServer): Parameters<typeof createWxDb>[0] {
  const raw = new CloudBaseDb({ env: 'local', [SERVER]: server } as never)
  // Each query the library builds takes its transport from the class at that moment: point it here first.
  const local = <T>(build: () => T): T => {
    CloudBaseDb.reqClass = LocalRequester
    return build()
  }
  const wrap = (q: RawQuery): unknown => ({
    where: (c: Json) => wrap(local(() => q.where(c))),
    orderBy: (f: string, d: string) => wrap(local(() => q.orderBy(f, d))),
    skip: (n: number) => wrap(local(() => q.skip(n))),
    limit: (n: number) => wrap(local(() => q.limit(n))),
    get: async () => ({ data: checked(await q.get(), 'collection.get').data, errMsg: 'collection.get:ok' }),
    count: async () => ({ total: checked(await q.count(), 'collection.count').total, errMsg: 'collection.count:ok' }),
    update: async (o: { data: Json }) => {
      if (!Object.keys(o.data).length) throw emptyUpdate()
      return { stats: { updated: checked(await q.update(o.data), 'collection.update').updated || 0 }, errMsg: 'collection.update:ok' }
    },
    remove: async () => ({ stats: { removed: checked(await q.remove(), 'collection.remove').deleted }, errMsg: 'collection.remove:ok' }),
  })
  const database = {
    command: raw.command,
    collection(name: string) {
      const col = local(() => raw.collection(name) as unknown as RawQuery)
      return {
        ...(wrap(col) as object),
        add: async (o: { data: Json }) => ({ _id: checked(await col.add(o.data), 'collection.add').id, errMsg: 'collection.add:ok' }),
      }
    },
  }
  return database as unknown as Parameters<typeof createWxDb>[0]
}

/**
 * The Db port in local mode and tests: the production adapter (wx-db.ts) over `@cloudbase/database` and a
 * local database server, so the emulator sends what CloudBase would receive and gets what it would answer.
 * Collections exist only once created: run the setup action (cloudfunctions/_shared/setup.ts) first.
 */
export class LocalDb implements Db, DbSetupTarget {
  readonly server: LocalDatabaseServer
  private readonly db: Db

  constructor(dir: string) {
    this.server = new LocalDatabaseServer(dir)
    this.db = createWxDb(localWxDatabase(this.server))
  }

  /** Loads the collections created in earlier runs. */
  open(): Promise<void> {
    return this.server.open()
  }

  collection<T extends Doc>(name: string): Collection<T> {
    return this.db.collection<T>(name)
  }

  ensureCollection(name: string): Promise<boolean> {
    return this.server.createCollection(name)
  }

  ensureIndexes(name: string, indexes: readonly IndexDecl[]): Promise<string[]> {
    return this.server.ensureIndexes(name, indexes)
  }

  /** Requests wait until the setup action has run (tests start it without awaiting). */
  holdUntil(setup: Promise<unknown>): void {
    this.server.holdUntil(setup)
  }

  /** Every document of every non-empty collection: tests compare it before and after a rejected call. */
  dump(): Promise<Record<string, unknown[]>> {
    return this.server.dump()
  }

  /** Flushes compaction so the files on disk are tidy before the process exits. */
  close(): Promise<void> {
    return this.server.close()
  }
}
