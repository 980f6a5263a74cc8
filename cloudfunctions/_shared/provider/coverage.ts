import { AppError } from '../../../src/domain/errors'
import { DEFAULT_PROCESSING_MINUTES } from '../../../src/domain/provider/receipt-provider'
import type { Ports, ProviderType } from '../ports'

/** The provider's type list, as last fetched: what it can issue, what each needs, how long each takes. */
export interface ProviderTypesDoc {
  _id: string
  types: ProviderType[]
  fetchedAt: string
}

/** The type list is fetched again when older than this (the sweeper refreshes it). */
export const PROVIDER_TYPES_TTL_MS = 6 * 3600_000

const cache = (ports: Pick<Ports, 'db'>) => ports.db.collection<ProviderTypesDoc>('provider_types')

/** The cached type list of the configured provider, or null before the first fetch. */
export async function cachedTypes(ports: Pick<Ports, 'db' | 'center'>): Promise<ProviderTypesDoc | null> {
  return ports.center.types ? cache(ports).get(ports.center.provider ?? 'huizhi') : null
}

/** Fetches the provider's type list when the cache is missing or older than its TTL; true when it fetched. */
export async function refreshProviderTypes(ports: Ports): Promise<boolean> {
  if (!ports.center.types) return false
  const now = ports.clock.now()
  const current = await cachedTypes(ports)
  if (current && now.getTime() - Date.parse(current.fetchedAt) < PROVIDER_TYPES_TTL_MS) return false
  const types = await ports.center.types()
  const doc: ProviderTypesDoc = { _id: ports.center.provider ?? 'huizhi', types, fetchedAt: now.toISOString() }
  if (current) await cache(ports).update({ _id: doc._id }, { set: { types, fetchedAt: doc.fetchedAt } })
  else await cache(ports).add(doc).catch(() => undefined)
  return true
}

/**
 * The provider's type for an order, if it still issues it: the configured type id (HUIZHI_PROVIDER_TYPES) must be
 * in its last fetched type list, when it has one. Our own contract issues every type. Checked before payment, so
 * nobody pays for a receipt the provider dropped.
 */
export async function providerTypeOf(ports: Pick<Ports, 'db' | 'center'>, documentType: string, cityCode: string): Promise<ProviderType | undefined> {
  if (!ports.center.typeFor) return undefined
  const id = ports.center.typeFor(documentType, cityCode)
  if (id === undefined) throw new AppError('RECEIPT_TYPE_UNAVAILABLE')
  const listed = await cachedTypes(ports)
  if (!listed) return { id, name: '', requiredFields: [] }
  const type = listed.types.find((t) => t.id === id)
  if (!type) throw new AppError('RECEIPT_TYPE_UNAVAILABLE')
  return type
}

/** Minutes after which a result of this type is overdue: the type's processing_time, else the default. */
export const processingMinutes = (type: ProviderType | undefined) => type?.processingMinutes ?? DEFAULT_PROCESSING_MINUTES
