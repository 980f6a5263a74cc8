import type cloud from 'wx-server-sdk'
import { DuplicateKeyError, type Collection, type Db, type Doc, type FieldOps, type FindOptions, type Patch, type Where } from '../ports'

type WxDatabase = ReturnType<typeof cloud.database>
type Command = WxDatabase['command']

/** Translates our Where into a CloudBase query object using db.command. */
export function toWxWhere(where: Where, _: Command): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, cond] of Object.entries(where)) {
    if (cond === null || typeof cond !== 'object') {
      out[field] = cond
      continue
    }
    const ops = cond as FieldOps
    const parts: unknown[] = []
    if (ops.$eq !== undefined) parts.push(_.eq(ops.$eq))
    if (ops.$ne !== undefined) parts.push(_.neq(ops.$ne))
    if (ops.$in !== undefined) parts.push(_.in([...ops.$in]))
    if (ops.$nin !== undefined) parts.push(_.nin([...ops.$nin]))
    if (ops.$gt !== undefined) parts.push(_.gt(ops.$gt))
    if (ops.$gte !== undefined) parts.push(_.gte(ops.$gte))
    if (ops.$lt !== undefined) parts.push(_.lt(ops.$lt))
    if (ops.$lte !== undefined) parts.push(_.lte(ops.$lte))
    out[field] = parts.length === 1 ? parts[0] : _.and(...(parts as Parameters<Command['and']>))
  }
  return out
}

/** A plain JS object: the value the SDK's update serializer flattens into dotted paths. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
}

/**
 * Translates our Patch into a CloudBase update object (`_.set`, `_.push`, `_.inc`).
 * The SDK flattens a plain object given to `update` into dotted `$set` paths, which merges it into the stored
 * object (and fails when the stored value is null). The port promises that `set` replaces a field with exactly
 * the value given, so an object value goes as `_.set(value)`; a dotted key still reaches one nested field.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/database/command.set.html
 */
export function toWxUpdate(patch: Patch, _: Command): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(patch.set ?? {})) data[field] = isPlainObject(value) ? _.set(value) : value
  for (const [field, item] of Object.entries(patch.push ?? {})) data[field] = _.push([item])
  for (const [field, by] of Object.entries(patch.inc ?? {})) data[field] = _.inc(by)
  return data
}

/**
 * Whether an SDK error is an insert refused for an `_id` that exists. CloudBase reports it as MongoDB's E11000
 * inside the generic `-502001` (DATABASE_REQUEST_FAILED): the code alone says only that a request failed, and
 * a timeout or an overloaded database must surface as an error, never pass for "already there".
 * https://docs.cloudbase.net/error-code/basic (database errors)
 */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { errMsg?: unknown; message?: unknown } | null
  const text = [e?.errMsg, e?.message, typeof error === 'string' ? error : ''].filter((t) => typeof t === 'string').join(' ')
  return /E11000|duplicate key/i.test(text)
}

/**
 * The CloudBase database behind the Db port.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/database/
 */
export function createWxDb(database: WxDatabase): Db {
  const _ = database.command
  return {
    collection<T extends Doc>(name: string): Collection<T> {
      const col = database.collection(name)
      const query = (where: Where) => col.where(toWxWhere(where, _))
      return {
        async get(id) {
          const res = (await col.where({ _id: id }).limit(1).get()) as unknown as { data: T[] }
          return res.data[0] ?? null
        },
        async add(doc) {
          try {
            await col.add({ data: doc as unknown as Record<string, unknown> })
            return doc
          } catch (error) {
            if (isDuplicateKey(error)) throw new DuplicateKeyError(name, doc._id)
            throw error
          }
        },
        async find(where, options: FindOptions = {}) {
          let q = query(where)
          for (const [field, direction] of options.orderBy ?? []) q = q.orderBy(field, direction)
          if (options.skip) q = q.skip(options.skip)
          q = q.limit(Math.min(options.limit ?? 100, 1000))
          const res = (await q.get()) as unknown as { data: T[] }
          return res.data
        },
        async count(where) {
          const res = (await query(where).count()) as { total: number }
          return res.total
        },
        async update(where, patch) {
          const res = (await query(where).update({ data: toWxUpdate(patch, _) })) as { stats: { updated: number } }
          return res.stats.updated
        },
        async remove(where) {
          const res = (await query(where).remove()) as { stats: { removed: number } }
          return res.stats.removed
        },
      }
    },
  }
}
