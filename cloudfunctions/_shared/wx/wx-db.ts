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

/** Translates our Patch into a CloudBase update object (`_.push`, `_.inc`). */
export function toWxUpdate(patch: Patch, _: Command): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(patch.set ?? {}) }
  for (const [field, item] of Object.entries(patch.push ?? {})) data[field] = _.push([item])
  for (const [field, by] of Object.entries(patch.inc ?? {})) data[field] = _.inc(by)
  return data
}

function isDuplicate(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error)
  return /duplicate|E11000|-502001/i.test(text)
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
            if (isDuplicate(error)) throw new DuplicateKeyError(name, doc._id)
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
