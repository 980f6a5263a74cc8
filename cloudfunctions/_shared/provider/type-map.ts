import { AppError } from '../../../src/domain/errors'

/**
 * Which of a provider's receipt types (zjzapi `item_id`, 可立图 `receipt_type_id`) issues our document for a city:
 * `<documentType>@<cityCode>` first, then `<documentType>`. Read from configuration (HUIZHI_PROVIDER_TYPES, JSON).
 */
export type ProviderTypeMap = Readonly<Record<string, number>>

export function providerTypeFor(map: ProviderTypeMap, documentType: string, cityCode: string): number {
  const id = configuredType(map, documentType, cityCode)
  if (id === undefined) throw new AppError('RECEIPT_TYPE_UNAVAILABLE')
  return id
}

/** The configured type id, or undefined where none is configured. */
export function configuredType(map: ProviderTypeMap, documentType: string, cityCode: string): number | undefined {
  const id = map[`${documentType}@${cityCode}`] ?? map[documentType]
  return typeof id === 'number' && Number.isInteger(id) ? id : undefined
}

/** HUIZHI_PROVIDER_TYPES as a map; malformed JSON stops the function at cold start rather than at the first order. */
export function typeMapFromEnv(value: string | undefined): ProviderTypeMap {
  if (!value) return {}
  const parsed = JSON.parse(value) as unknown
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('HUIZHI_PROVIDER_TYPES must be a JSON object of type ids')
  for (const [key, id] of Object.entries(parsed)) if (!Number.isInteger(id)) throw new Error(`HUIZHI_PROVIDER_TYPES: ${key} is not an integer id`)
  return parsed as ProviderTypeMap
}
