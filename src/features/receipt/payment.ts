import { messageOf } from '@/platform/reply'
import { PayError } from '@/platform/pay'
import { COPY } from './copy'

/** What to tell people when paying did not go through. */
export function payErrorMessage(error: unknown): string {
  if (error instanceof PayError) {
    if (error.reason === 'cancelled') return COPY.confirm.cancelled
    if (error.reason === 'unsupported') return COPY.confirm.payUnsupported
    return COPY.confirm.payFailed
  }
  return messageOf(error)
}
