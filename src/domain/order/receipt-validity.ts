import type { DocumentType, RegionScope } from '../photo/spec.types'
import { instantMs } from '../time'

/**
 * How long an issued receipt stays usable, per document type and region (SPECS.md, Receipts).
 * China keeps no daylight saving time, so a day is exactly 24 hours and the arithmetic stays in UTC.
 */
const DAY_MS = 24 * 60 * 60 * 1000

/** A receipt is valid for about 60 days unless its region says otherwise (SPECS.md, Receipts). */
export const DEFAULT_VALIDITY_DAYS = 60

/** Remind the user 7 days before a receipt expires (product rule for this issue; DESIGN.md §3 asks for a reminder). */
export const REMIND_DAYS_BEFORE_EXPIRY = 7

export interface ValidityRule {
  documentType: DocumentType
  region: Exclude<RegionScope, { level: 'national' }>
  days: number
  source: string
}

/** Regional exceptions to DEFAULT_VALIDITY_DAYS; a city's rule beats its province's. */
export const VALIDITY_RULES: readonly ValidityRule[] = [
  /** Guangdong 社保卡 receipts are valid for 90 days (SPECS.md, Receipts). */
  { documentType: 'social-security-card', region: { level: 'province', code: '440000', name: '广东省' }, days: 90, source: 'SPECS.md, Receipts' },
  /** Shenzhen 社保卡 receipts are valid for 180 days (SPECS.md, Receipts). */
  { documentType: 'social-security-card', region: { level: 'city', code: '440300', name: '深圳市' }, days: 180, source: 'SPECS.md, Receipts' },
]

/** Days a receipt of this type from this city stays valid: the city's rule, else its province's, else 60. */
export function validityDays(documentType: DocumentType, cityCode: string): number {
  const ofType = VALIDITY_RULES.filter((r) => r.documentType === documentType)
  const city = ofType.find((r) => r.region.level === 'city' && r.region.code === cityCode)
  const province = ofType.find((r) => r.region.level === 'province' && r.region.code.slice(0, 2) === cityCode.slice(0, 2))
  return (city ?? province)?.days ?? DEFAULT_VALIDITY_DAYS
}

/** The instant a receipt approved at `approvedAt` stops being valid (ISO-8601 UTC in and out). */
export function expiresAt(approvedAt: string, documentType: DocumentType, cityCode: string): string {
  return new Date(instantMs(approvedAt) + validityDays(documentType, cityCode) * DAY_MS).toISOString()
}

/** Whole days left, rounded up so a receipt that expires tonight still shows 1; 0 once expired. */
export function daysLeft(expiry: string, now: string | Date): number {
  const left = instantMs(expiry) - instantMs(now)
  return left <= 0 ? 0 : Math.ceil(left / DAY_MS)
}

export function isExpired(expiry: string, now: string | Date): boolean {
  return instantMs(now) >= instantMs(expiry)
}

/** When the expiry reminder is due: REMIND_DAYS_BEFORE_EXPIRY days before the expiry instant. */
export function reminderAt(expiry: string): string {
  return new Date(instantMs(expiry) - REMIND_DAYS_BEFORE_EXPIRY * DAY_MS).toISOString()
}

/** The reminder is owed from 7 days before expiry until expiry; after that it would only be noise. */
export function shouldRemind(expiry: string, now: string | Date): boolean {
  const t = instantMs(now)
  return t >= instantMs(reminderAt(expiry)) && t < instantMs(expiry)
}
