import * as v from 'valibot'
import { toHalfWidth } from './half-width'

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (MIIT numbering plan; 10, 11 and 12 are not mobile prefixes). */
const MOBILE = /^1[3-9]\d{9}$/

export const PHONE_REASONS = {
  empty: '请填写手机号码',
  format: '请填写 11 位中国大陆手机号码',
} as const

/** Folds full-width digits, drops spaces and hyphens (138 0013 8000, 138-0013-8000) and a leading +86 or 0086. */
export function normalizePhone(value: string): string {
  return toHalfWidth(value)
    .replace(/[\s-]+/g, '')
    .replace(/^(?:\+86|0086)(?=\d{11}$)/, '')
}

export function isMobilePhone(value: string): boolean {
  return MOBILE.test(normalizePhone(value))
}

/** Schema for `parseInput`: a mainland mobile number, normalised to its 11 digits. */
export const Phone = v.pipe(
  v.string(PHONE_REASONS.empty),
  v.transform(normalizePhone),
  v.nonEmpty(PHONE_REASONS.empty),
  v.regex(MOBILE, PHONE_REASONS.format),
)

/** Privacy: show a mobile number as its first 3 and last 4 digits (138****5678). */
export function maskPhone(value: string): string {
  const digits = normalizePhone(value)
  if (!MOBILE.test(digits)) return '*'.repeat(Math.max(digits.length, 4))
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}
