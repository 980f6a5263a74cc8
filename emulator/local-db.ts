import { readdir } from 'node:fs/promises'
import path from 'node:path'
import Datastore from '@seald-io/nedb'
import { DuplicateKeyError, type Collection, type Db, type Doc, type FindOptions, type Patch, type Where } from '../cloudfunctions/_shared/ports'

/** Field paths we index locally, mirroring the indexes declared for CloudBase. */
export type IndexSpec = Record<string, readonly string[]>

/**
 * The embedded, persistent document store behind the Db port in local mode and tests.
 * One append-only file per collection under `<dataDir>/db`, loaded on start and compacted on load.
 * It speaks the same document model as CloudBase: string `_id`, nested objects, conditional updates.
 */
export class LocalDb implements Db {
  private readonly stores = new Map<string, Datastore<Record<string, unknown>>>()

  constructor(private readonly dir: string, private readonly indexes: IndexSpec = {}) {}

  private store(name: string): Datastore<Record<string, unknown>> {
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(name)) throw new Error(`bad collection name ${name}`)
    let store = this.stores.get(name)
    if (!store) {
      store = new Datastore({ filename: path.join(this.dir, `${name}.db`), autoload: true })
      for (const fieldName of this.indexes[name] ?? []) void store.ensureIndexAsync({ fieldName })
      this.stores.set(name, store)
    }
    return store
  }

  /**
   * Loads every collection already on disk (and the indexed ones), before the first request: loading compacts
   * and fsyncs each file, which should neither slow a user's request nor widen the window a crash can cut.
   */
  async open(): Promise<void> {
    const names = new Set(Object.keys(this.indexes))
    for (const file of await readdir(this.dir).catch(() => [] as string[])) if (file.endsWith('.db')) names.add(file.slice(0, -3))
    await Promise.all([...names].filter((n) => /^[a-z][a-z0-9_]{0,63}$/.test(n)).map((n) => this.store(n).autoloadPromise))
  }

  collection<T extends Doc>(name: string): Collection<T> {
    const store = this.store(name)
    const strip = (d: Record<string, unknown> | null): T | null => (d ? (d as unknown as T) : null)
    return {
      async get(id) {
        return strip(await store.findOneAsync({ _id: id }))
      },
      async add(doc) {
        try {
          await store.insertAsync(structuredClone(doc) as unknown as Record<string, unknown>)
          return doc
        } catch (error) {
          if ((error as { errorType?: string }).errorType === 'uniqueViolated') throw new DuplicateKeyError(name, doc._id)
          throw error
        }
      },
      async find(where, options: FindOptions = {}) {
        let cursor = store.findAsync(toQuery(where))
        if (options.orderBy?.length) {
          cursor = cursor.sort(Object.fromEntries(options.orderBy.map(([f, d]) => [f, d === 'asc' ? 1 : -1])))
        }
        if (options.skip) cursor = cursor.skip(options.skip)
        cursor = cursor.limit(Math.min(options.limit ?? 100, 1000))
        return (await cursor) as unknown as T[]
      },
      async count(where) {
        return store.countAsync(toQuery(where))
      },
      async update(where, patch) {
        const res = await store.updateAsync(toQuery(where), toUpdate(patch), { multi: true })
        return res.numAffected
      },
      async remove(where) {
        return store.removeAsync(toQuery(where), { multi: true })
      },
    }
  }

  /** Every document of every non-empty collection: tests compare it before and after a rejected call. */
  async dump(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {}
    for (const [name, store] of [...this.stores.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const docs = await store.findAsync({}).sort({ _id: 1 })
      if (docs.length) out[name] = docs
    }
    return out
  }

  /** Flushes compaction so the files on disk are tidy before the process exits. */
  async close(): Promise<void> {
    await Promise.all([...this.stores.values()].map((s) => s.compactDatafileAsync()))
  }
}

function toQuery(where: Where): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, cond] of Object.entries(where)) {
    out[field] = cond !== null && typeof cond === 'object' ? { ...cond } : cond
  }
  return out
}

function toUpdate(patch: Patch): Record<string, unknown> {
  const update: Record<string, unknown> = {}
  if (patch.set && Object.keys(patch.set).length) update.$set = structuredClone(patch.set)
  if (patch.push && Object.keys(patch.push).length) update.$push = structuredClone(patch.push)
  if (patch.inc && Object.keys(patch.inc).length) update.$inc = patch.inc
  return update
}
