import * as v from 'valibot'
import { AppError } from '../errors'
import { allProvinces } from '../region'
import { toHalfWidth } from './half-width'

/**
 * Mainland resident identity numbers (公民身份号码), GB 11643-1999:
 * 6-digit address code (GB/T 2260) + 8-digit birth date (YYYYMMDD) + 3-digit sequence + 1 check character.
 */
export type Sex = 'male' | 'female'

export type IdNumberResult = { ok: true; normalized: string; birthDate: string; sex: Sex } | { ok: false; reason: string }

/** GB 11643-1999: the number has 18 characters. */
export const ID_NUMBER_LENGTH = 18

/** GB 11643-1999 (ISO 7064 MOD 11-2): weight of each of the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const

/** GB 11643-1999 (ISO 7064 MOD 11-2): check character for a weighted sum mod 11 of 0, 1, 2 … 10. */
const CHECK_CHARS = '10X98765432'

/** Birth dates before 1900 are not credible for a living applicant (rule of this project, issue brief). */
export const EARLIEST_BIRTH_DATE = '1900-01-01'

/** The first two digits must name a mainland province of GB/T 2260, as listed in region.ts (no 71, 81, 82, no 99). */
let provincePrefixes: Set<string> | undefined
const isProvincePrefix = (two: string) => (provincePrefixes ??= new Set(allProvinces().map((p) => p.code.slice(0, 2)))).has(two)

export const ID_NUMBER_REASONS = {
  empty: '请填写身份证号码',
  length: '身份证号码应为 18 位',
  characters: '身份证号码前 17 位应为数字，最后一位为数字或 X',
  province: '身份证号码前两位不是有效的省份代码',
  birthDate: '身份证号码中的出生日期不存在',
  tooOld: '身份证号码中的出生日期早于 1900 年',
  future: '身份证号码中的出生日期晚于今天',
  checksum: '身份证号码校验位不正确，请逐位核对',
} as const

/** Removes spaces, folds full-width characters and upper-cases a trailing x (GB 11643-1999 writes the check character as X). */
export function normalizeIdNumber(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '').toUpperCase()
}

/** GB 11643-1999: the check character computed from the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** `YYYYMMDD` → `YYYY-MM-DD` when that day exists on the Gregorian calendar (so 19990229 does not). */
function calendarDate(yyyymmdd: string): string | undefined {
  const year = Number(yyyymmdd.slice(0, 4))
  const month = Number(yyyymmdd.slice(4, 6))
  const day = Number(yyyymmdd.slice(6, 8))
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
}

/** GB 11643-1999: the 17th digit, the last of the sequence code, is odd for men and even for women. */
function sexOf(normalized: string): Sex {
  return Number(normalized[16]) % 2 === 1 ? 'male' : 'female'
}

/** Every check that does not depend on today's date: length, characters, province, calendar date, 1900, checksum. */
function checkStructure(normalized: string): IdNumberResult {
  if (normalized === '') return { ok: false, reason: ID_NUMBER_REASONS.empty }
  if (normalized.length !== ID_NUMBER_LENGTH) return { ok: false, reason: ID_NUMBER_REASONS.length }
  if (!/^\d{17}[\dX]$/.test(normalized)) return { ok: false, reason: ID_NUMBER_REASONS.characters }
  if (!isProvincePrefix(normalized.slice(0, 2))) return { ok: false, reason: ID_NUMBER_REASONS.province }
  const birthDate = calendarDate(normalized.slice(6, 14))
  if (!birthDate) return { ok: false, reason: ID_NUMBER_REASONS.birthDate }
  if (birthDate < EARLIEST_BIRTH_DATE) return { ok: false, reason: ID_NUMBER_REASONS.tooOld }
  if (idNumberCheckChar(normalized) !== normalized[17]) return { ok: false, reason: ID_NUMBER_REASONS.checksum }
  return { ok: true, normalized, birthDate, sex: sexOf(normalized) }
}

/**
 * A birth date may not lie after today. `today` is the calendar day in Asia/Shanghai as `YYYY-MM-DD`
 * (see `shanghaiDate` in time.ts); a child born today is valid.
 */
export function checkBirthDateNotFuture(birthDate: string, today: string): { ok: true } | { ok: false; reason: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`)
  return birthDate > today ? { ok: false, reason: ID_NUMBER_REASONS.future } : { ok: true }
}

/**
 * Full check of an identity number against GB 11643-1999 and today's date (`YYYY-MM-DD`, Asia/Shanghai).
 * Returns the normalised number (X upper-case), the birth date and the sex, or one Chinese reason.
 */
export function validateIdNumber(value: string, today: string): IdNumberResult {
  const result = checkStructure(normalizeIdNumber(value))
  if (!result.ok) return result
  const date = checkBirthDateNotFuture(result.birthDate, today)
  return date.ok ? result : date
}

/** As `validateIdNumber`, for handlers: returns the parsed number or throws ID_NUMBER_INVALID with the reason. */
export function requireIdNumber(value: string, today: string): Extract<IdNumberResult, { ok: true }> {
  const result = validateIdNumber(value, today)
  if (!result.ok) throw new AppError('ID_NUMBER_INVALID', result.reason)
  return result
}

/**
 * Schema for `parseInput`: normalises the number and checks everything that does not need a clock.
 * Handlers must still call `checkBirthDateNotFuture` (or `requireIdNumber`) with today's date.
 */
export const IdNumber = v.pipe(
  v.string(ID_NUMBER_REASONS.empty),
  v.transform(normalizeIdNumber),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const result = checkStructure(dataset.value)
    if (!result.ok) addIssue({ message: result.reason })
  }),
)

/** Privacy: show an identity number as the first 6 and last 4 characters around 8 stars (110105********002X). */
export function maskIdNumber(value: string): string {
  const normalized = normalizeIdNumber(value)
  if (normalized.length !== ID_NUMBER_LENGTH) return '*'.repeat(Math.max(normalized.length, 8))
  return `${normalized.slice(0, 6)}********${normalized.slice(-4)}`
}
