/**
 * Where a fact users act on comes from. Every policy, spec, fee, period and validity value carries either a
 * source — the page, its title, the sentence that states the value, and the date it was published or
 * checked — or `unverified: true`, which the pages show as reference only (「参考信息，请以当地社保部门为准」)
 * and which never blocks, charges or counts down anything.
 */
export interface Source {
  url: string
  title: string
  /** The sentence on that page that states the value, copied as found. */
  quote: string
  /** ISO date: when the page was published, or when we last checked it. */
  publishedOrChecked: string
}

export type Sourced<T> = { value: T; source: Source; unverified?: undefined } | { value: T; unverified: true; source?: undefined; note?: string }

export const UNVERIFIED_NOTICE = '参考信息，请以当地社保部门为准'

export function sourced<T>(value: T, source: Source): Sourced<T> {
  return { value, source }
}

export function unverified<T>(value: T, note?: string): Sourced<T> {
  return note ? { value, unverified: true, note } : { value, unverified: true }
}

export function isVerified<T>(s: Sourced<T>): s is Sourced<T> & { source: Source } {
  return !s.unverified
}

/** The value when a source states it, else undefined: what a rule may act on. */
export function verifiedValue<T>(s: Sourced<T>): T | undefined {
  return s.unverified ? undefined : s.value
}
