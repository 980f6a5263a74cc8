import * as v from 'valibot'
import type { ReportKind } from '@/domain/card-loss/card-functions'
import { ReportLossInput } from '@/domain/card-loss/card-loss.schema'
import { validateIdNumber } from '@/domain/identity/id-number'
import { fieldErrors } from '@/domain/validation'
import type { Holder } from './api'

/** What the holder types on the report page, as typed. */
export interface ReportValues {
  name: string
  idNumber: string
  cardNumber: string
}
export type ReportField = keyof ReportValues

export const EMPTY_REPORT: ReportValues = { name: '', idNumber: '', cardNumber: '' }

const ReportForm = v.object({ name: ReportLossInput.entries.holder.entries.name, idNumber: ReportLossInput.entries.holder.entries.idNumber, cardNumber: ReportLossInput.entries.cardNumber })

/** The schema's first message per field, plus a birth date after `today` (a date in Asia/Shanghai). */
export function reportErrors(values: ReportValues, today: string): Partial<Record<ReportField, string>> {
  const errors: Partial<Record<ReportField, string>> = fieldErrors(ReportForm, values)
  if (!errors.idNumber) {
    const id = validateIdNumber(values.idNumber, today)
    if (!id.ok) errors.idNumber = id.reason
  }
  return errors
}

/** A passed identity check belongs to the name and ID number it was made for: changing either asks again. */
export const holderKey = (values: ReportValues): string => `${values.name.trim()}|${values.idNumber.trim().toUpperCase()}`

export const holderOf = (values: ReportValues): Holder => ({ name: values.name.trim(), idNumber: values.idNumber.trim() })

/** The identity check needs the name and ID number right; the card number may still be missing. */
export const canVerify = (errors: Partial<Record<ReportField, string>>): boolean => !errors.name && !errors.idNumber

/**
 * Why the report cannot be sent yet, or undefined: a city and a kind chosen, the three fields right, and for a formal
 * report an identity check for the holder as typed now.
 */
export function reportBlock(input: { cityCode?: string; kind?: ReportKind; errors: Partial<Record<ReportField, string>>; verifiedFor?: string; values: ReportValues }): 'incomplete' | 'verify' | undefined {
  if (!input.cityCode || !input.kind || Object.keys(input.errors).length > 0) return 'incomplete'
  if (input.kind === 'formal' && input.verifiedFor !== holderKey(input.values)) return 'verify'
  return undefined
}

/** Checks that failed because of the identity check: the token is spent or refused, so the check must be made again. */
export const VERIFICATION_CODES: readonly string[] = ['LOSS_VERIFICATION_FAILED', 'LOSS_VERIFICATION_REQUIRED']
