import { COLLECTIONS, type CollectionDecl, type IndexDecl } from './collections'

/**
 * What the setup action needs from a database: create a collection unless it exists, and create the declared
 * indexes that are missing. CloudBase refuses reads and writes on a collection that was never created
 * (-502005, DATABASE_COLLECTION_NOT_EXIST), so a deploy runs this before the functions serve anyone; the
 * emulator runs the same action on start.
 */
export interface DbSetupTarget {
  /** Creates the collection; resolves false when it already existed. */
  ensureCollection(name: string): Promise<boolean>
  /** Creates those of the declared indexes the collection lacks; resolves the names it created. */
  ensureIndexes(name: string, indexes: readonly IndexDecl[]): Promise<string[]>
}

export interface SetupReport {
  created: string[]
  existing: string[]
  indexesCreated: string[]
}

/**
 * The name an index gets in CloudBase: its fields and directions, e.g. `openid_1_createdAt_-1`
 * (MongoDB's own naming), so that running the setup again finds it by name.
 */
export function indexName(index: IndexDecl): string {
  return index.fields.map(([field, direction]) => `${field}_${direction === 'asc' ? '1' : '-1'}`).join('_')
}

/**
 * The one setup action: every declared collection exists afterwards, with its indexes. Idempotent: a second
 * run creates nothing. Collections go one at a time so that a failure names the collection it stopped at.
 */
export async function setupDatabase(target: DbSetupTarget, collections: readonly CollectionDecl[] = COLLECTIONS): Promise<SetupReport> {
  const report: SetupReport = { created: [], existing: [], indexesCreated: [] }
  for (const c of collections) {
    if (await target.ensureCollection(c.name)) report.created.push(c.name)
    else report.existing.push(c.name)
    if (c.indexes.length) report.indexesCreated.push(...(await target.ensureIndexes(c.name, c.indexes)).map((n) => `${c.name}.${n}`))
  }
  return report
}
