/**
 * Where a fact users act on comes from. Every policy, spec, fee, period and validity value carries evidence:
 * either a source — the page, its title, the sentence that states the value, and the date it was published
 * or checked — or `unverified: true`. An unverified value is shown as reference only
 * (「参考信息，请以当地社保部门为准」, with a 12333 call) and never blocks, charges or counts down anything.
 */
export interface Source {
  url: string
  title: string
  /** The sentence on that page that states the value, copied as found. */
  quote: string
  /** ISO date: when the page was published, or when we last checked it. */
  publishedOrChecked: string
}

export interface Unverified {
  unverified: true
  /** Why no source: what was searched, or what the sources say instead. */
  note?: string
}

export type Evidence = Source | Unverified

export const UNVERIFIED_NOTICE = '参考信息，请以当地社保部门为准'

export const NO_SOURCE: Unverified = { unverified: true }

export function unverifiedBecause(note: string): Unverified {
  return { unverified: true, note }
}

export function isSourced(e: Evidence | undefined): e is Source {
  return !!e && !('unverified' in e)
}
