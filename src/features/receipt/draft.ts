import type { OrderBasics } from './routes'

/** What the applicant typed, exactly as typed; the order function normalises and checks it again. */
export interface ApplicantInput {
  name: string
  idNumber: string
  phone: string
}

/**
 * The applicant carried to the confirm page. For one of the user's 常用办理人, `profileId` is sent instead of the
 * fields, and the numbers here are the masked ones the page shows.
 */
export type ApplicantDraft = ApplicantInput & {
  profileId?: string
  /** The profile's relation to the user (子女, 父母…). */
  relationLabel?: string
}

/**
 * The applicant's details between the form and the confirm page. Personal data stays in memory only: never in the
 * URL, never in storage. After a reload the confirm page asks for it again.
 */
interface Draft {
  photoId: string
  applicant: ApplicantDraft
  /** When the user ticked 《个人信息处理规则》 (ISO-8601 UTC). */
  consentedAt: string
}

let draft: Draft | undefined

export function saveApplicant(basics: OrderBasics, applicant: ApplicantDraft, consentedAt: string): void {
  draft = { photoId: basics.photoId, applicant, consentedAt }
}

/** The applicant entered for this photo, if any. */
export function applicantFor(basics: OrderBasics): ApplicantDraft | undefined {
  return draft && draft.photoId === basics.photoId ? draft.applicant : undefined
}

/** Forgets the personal data once the order exists on the server. */
export function clearDraft(): void {
  draft = undefined
}

/**
 * The checked photo's short-lived address, when the id-photo flow passed one on (`photoUrl` in the query), so the
 * confirm page can show a thumbnail. Kept in memory only, for the photo it belongs to.
 */
let photo: { photoId: string; url: string } | undefined

export function rememberPhotoUrl(photoId: string, url: string): void {
  photo = { photoId, url }
}

export function photoUrlFor(photoId: string): string | undefined {
  return photo && photo.photoId === photoId ? photo.url : undefined
}
