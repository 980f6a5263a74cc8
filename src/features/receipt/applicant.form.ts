import { validateIdNumber } from '@/domain/identity/id-number'
import { Applicant } from '@/domain/order/order.schema'
import { fieldErrors } from '@/domain/validation'
import type { ApplicantInput } from './draft'

export type ApplicantField = keyof ApplicantInput

export const EMPTY_APPLICANT: ApplicantInput = { name: '', idNumber: '', phone: '' }

/**
 * The domain schema's first message per field, plus the one rule the schema leaves to callers with a clock:
 * a birth date after `today` (a date in Asia/Shanghai).
 */
export function applicantErrors(values: ApplicantInput, today: string): Partial<Record<ApplicantField, string>> {
  const errors: Partial<Record<ApplicantField, string>> = fieldErrors(Applicant, values)
  if (!errors.idNumber) {
    const id = validateIdNumber(values.idNumber, today)
    if (!id.ok) errors.idNumber = id.reason
  }
  return errors
}
