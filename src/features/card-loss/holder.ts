import type { Holder } from './api'

/**
 * The holder typed on the report page, so upgrading that case to a formal report a moment later does not ask for
 * the ID number again. Personal data stays in memory only: never in the URL, never in storage; after a reload
 * the detail page asks for the ID number.
 */
let remembered: { caseId: string; holder: Holder } | undefined

export function rememberHolder(caseId: string, holder: Holder): void {
  remembered = { caseId, holder }
}

export function holderFor(caseId: string): Holder | undefined {
  return remembered && remembered.caseId === caseId ? remembered.holder : undefined
}

/** Forgets the holder once nothing more needs verifying. */
export function forgetHolder(): void {
  remembered = undefined
}
