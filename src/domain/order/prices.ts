import type { DocumentType, RegionScope } from '../photo/spec.types'

/**
 * Receipt prices, decided on the server and stored on the order when it is created; the client never
 * sends an amount. All amounts are integer fen (1 yuan = 100 fen), as WeChat Pay expects `totalFee`.
 */

/** National price of one receipt per document type, in fen (our price list for launch). */
export const NATIONAL_PRICES_FEN: Readonly<Record<DocumentType, number>> = {
  /** 社保卡 receipt: ¥19.90. */
  'social-security-card': 1990,
  /** 居民身份证 receipt: ¥19.90. */
  'id-card': 1990,
  /** 驾驶证 receipt: ¥15.90. */
  'driving-licence': 1590,
  /** 电子驾驶证 (交管12123) receipt: ¥9.90; the upload needs no slip layout, only the checked photo. */
  'e-driving-licence': 990,
  /** 出入境 (passport, 港澳通行证) receipt: ¥25.90. */
  'exit-entry': 2590,
  /** 居住证 receipt (Guangdong only, see receipt-coverage.ts): ¥19.90. */
  'residence-permit': 1990,
}

export interface RegionalPrice {
  documentType: DocumentType
  region: Exclude<RegionScope, { level: 'national' }>
  fen: number
}

/** Regional overrides of the national price; a city's entry beats its province's. None yet. */
export const REGIONAL_PRICES_FEN: readonly RegionalPrice[] = []

/** A resubmission after a failed review is free (docs/photo-specs.md, Receipts). */
export const RESUBMISSION_PRICE_FEN = 0

/** The price of a new receipt order in fen: the city's entry, else its province's, else the national price. */
export function priceOf(documentType: DocumentType, cityCode: string, regional: readonly RegionalPrice[] = REGIONAL_PRICES_FEN): number {
  const ofType = regional.filter((p) => p.documentType === documentType)
  const city = ofType.find((p) => p.region.level === 'city' && p.region.code === cityCode)
  const province = ofType.find((p) => p.region.level === 'province' && p.region.code.slice(0, 2) === cityCode.slice(0, 2))
  return (city ?? province)?.fen ?? NATIONAL_PRICES_FEN[documentType]
}

/** Formats fen as yuan with two decimals: 1990 → ¥19.90, -500 → -¥5.00. Amounts are whole fen, never floats. */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount must be whole fen, got ${fen}`)
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`
}
