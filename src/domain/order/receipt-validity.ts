import type { DocumentType, RegionScope } from '../photo/spec.types'
import { isSourced, unverifiedBecause, type Evidence, type Source } from '../sources/source'
import { instantMs } from '../time'

/**
 * How long an issued receipt stays usable, per document type and region (docs/photo-specs.md, Receipts).
 * China keeps no daylight saving time, so a day is exactly 24 hours and the arithmetic stays in UTC.
 */
const DAY_MS = 24 * 60 * 60 * 1000

const CHECKED = '2026-12-02'
const ID_RECEIPT: Source = {
  url: 'https://023wlan.com/sfz/1857.html',
  title: '身份证回执可以二次使用吗',
  quote: '身份证照片回执有效期一般是60天左右,深圳市的身份证照片回执有效期是6个月(180天)!',
  publishedOrChecked: CHECKED,
}
/** 广州 ID-card receipts: 180 days from the day after the photo, as the city's answer is republished. */
const GUANGZHOU_ID_RECEIPT: Source = {
  url: 'http://ccschy.com/techan/907ca31cb6e5ccbec5a5e1dc7073ec46.html',
  title: '广州居民身份证数字相片回执有效期多长时间?',
  quote: '有效期为180天。请在拍照后次日起(节假日顺延)180天内办证。逾期数码照片将不予保存。',
  publishedOrChecked: '2023-01-11',
}
const TYPICAL_180 = unverifiedBecause('检索了“社保卡相片回执 有效期”“广东 社保卡 相片回执 有效期”“驾驶证 相片回执 有效期”，没有官方页面；只找到未写地区的说明：“驾驶证相片、社保卡相片、居住证相片的回执,有效期通常是180天”，沿用 60 天并作参考')

/** A receipt is valid for about 60 days unless its region says otherwise (ID-card receipts: 一般是60天左右). */
export const DEFAULT_VALIDITY_DAYS = 60

/** The default per document type, with its evidence. */
export const DEFAULT_VALIDITY: Readonly<Record<DocumentType, { days: number; evidence: Evidence }>> = {
  'id-card': { days: DEFAULT_VALIDITY_DAYS, evidence: ID_RECEIPT },
  'social-security-card': { days: DEFAULT_VALIDITY_DAYS, evidence: TYPICAL_180 },
  'driving-licence': { days: DEFAULT_VALIDITY_DAYS, evidence: TYPICAL_180 },
  'e-driving-licence': { days: DEFAULT_VALIDITY_DAYS, evidence: unverifiedBecause('没有找到电子驾驶证回执有效期的来源') },
  'exit-entry': { days: DEFAULT_VALIDITY_DAYS, evidence: unverifiedBecause('没有找到出入境证件回执有效期的来源') },
  'residence-permit': { days: DEFAULT_VALIDITY_DAYS, evidence: TYPICAL_180 },
}

/** Remind the user 7 days before a receipt expires (product rule for this issue; docs/case-lifecycle.md asks for a reminder). */
export const REMIND_DAYS_BEFORE_EXPIRY = 7

export interface ValidityRule {
  documentType: DocumentType
  region: Exclude<RegionScope, { level: 'national' }>
  days: number
  evidence: Evidence
}

/** Regional exceptions to DEFAULT_VALIDITY_DAYS; a city's rule beats its province's. */
export const VALIDITY_RULES: readonly ValidityRule[] = [
  /** Guangdong 社保卡 receipts: 90 days in the first research notes, but no Guangdong source states it. */
  { documentType: 'social-security-card', region: { level: 'province', code: '440000', name: '广东省' }, days: 90, evidence: unverifiedBecause('最初的调研笔记写 90 天；检索“广东 社保卡 相片回执 有效期”只找到广州人社“社保卡相片上传”取回执号的说明，未写有效期') },
  /** Shenzhen 社保卡 receipts: 180 days; Shenzhen's 社保卡、身份证、居住证 receipts are shared, and its ID-card receipts last 180 days. */
  {
    documentType: 'social-security-card',
    region: { level: 'city', code: '440300', name: '深圳市' },
    days: 180,
    evidence: unverifiedBecause('深圳的社保卡、身份证、居住证相片回执通用（zhiyoubaobao.com），身份证回执 180 天；没有找到直接写社保卡回执 180 天的来源'),
  },
  /** Shenzhen ID-card receipts are valid 6 months (180 days). */
  { documentType: 'id-card', region: { level: 'city', code: '440300', name: '深圳市' }, days: 180, evidence: ID_RECEIPT },
  /** Guangzhou ID-card receipts are valid 180 days (拍照后次日起 180 天内办证). */
  { documentType: 'id-card', region: { level: 'city', code: '440100', name: '广州市' }, days: 180, evidence: GUANGZHOU_ID_RECEIPT },
]

/** Days a receipt of this type from this city stays valid: the city's rule, else its province's, else 60. */
export function validityDays(documentType: DocumentType, cityCode: string): number {
  const ofType = VALIDITY_RULES.filter((r) => r.documentType === documentType)
  const city = ofType.find((r) => r.region.level === 'city' && r.region.code === cityCode)
  const province = ofType.find((r) => r.region.level === 'province' && r.region.code.slice(0, 2) === cityCode.slice(0, 2))
  return (city ?? province)?.days ?? DEFAULT_VALIDITY_DAYS
}

/** The evidence behind validityDays(): the city's rule, else its province's, else the default of the type. */
export function validityEvidence(documentType: DocumentType, cityCode: string): Evidence {
  const ofType = VALIDITY_RULES.filter((r) => r.documentType === documentType)
  const city = ofType.find((r) => r.region.level === 'city' && r.region.code === cityCode)
  const province = ofType.find((r) => r.region.level === 'province' && r.region.code.slice(0, 2) === cityCode.slice(0, 2))
  return (city ?? province)?.evidence ?? DEFAULT_VALIDITY[documentType].evidence
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

/** The latest expiry whose reminder is due at `now`: the sweeper's window ends here (the inverse of reminderAt). */
export function remindUntil(now: string | Date): string {
  return new Date(instantMs(now) + REMIND_DAYS_BEFORE_EXPIRY * DAY_MS).toISOString()
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

/**
 * True where this receipt's validity period has a source. Only then is its expiry acted on: a reminder pushed before
 * it, days counted down, a receipt refused once it has passed. Elsewhere the period is 参考有效期 and acts on nothing.
 */
export function hasSourcedValidity(documentType: DocumentType, cityCode: string): boolean {
  return isSourced(validityEvidence(documentType, cityCode))
}
