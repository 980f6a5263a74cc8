import { AppError } from '@/domain/errors'
import { AddProfileInput, FAMILY_CONSENT_VERSION, checkProfile, type ConsentBy, type Relation } from '@/domain/family/family.schema'
import { fieldErrors, parseInput } from '@/domain/validation'

/** The add form's text fields, as typed; relation and consent are chosen with taps. */
export interface ProfileValues {
  name: string
  idNumber: string
  phone: string
}
export type ProfileField = keyof ProfileValues

export const EMPTY_PROFILE: ProfileValues = { name: '', idNumber: '', phone: '' }

/** What the form sends for these values and choices. */
export function profileInput(values: ProfileValues, relation: Relation, by: ConsentBy, agreed: boolean) {
  return { ...values, relation, consent: { by, version: FAMILY_CONSENT_VERSION, agreed } }
}

/**
 * The domain schema's first message per text field, then the rules across fields with today's date (Asia/Shanghai):
 * a birth date in the future, and a child under 14 consented by the guardian. The consent's own message is `consent`.
 */
export function profileErrors(values: ProfileValues, relation: Relation, by: ConsentBy, agreed: boolean, today: string): Partial<Record<ProfileField | 'consent', string>> {
  const input = profileInput(values, relation, by, agreed)
  const errors: Partial<Record<string, string>> = fieldErrors(AddProfileInput, input)
  const out: Partial<Record<ProfileField | 'consent', string>> = { name: errors.name, idNumber: errors.idNumber, phone: errors.phone }
  if (errors['consent.agreed']) out.consent = errors['consent.agreed']
  if (!out.name && !out.idNumber && !out.phone && !out.consent) {
    try {
      checkProfile(parseInput(AddProfileInput, input), today)
    } catch (error) {
      if (error instanceof AppError) {
        if (error.code === 'ID_NUMBER_INVALID') out.idNumber = error.message
        else out.consent = error.message
      }
    }
  }
  for (const key of Object.keys(out) as Array<keyof typeof out>) if (!out[key]) delete out[key]
  return out
}
