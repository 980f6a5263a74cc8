import type { DELETE_CONFIRMATION } from '@/domain/privacy/retention'
import { createFunctionClient } from '@/platform/function-client'
import { COPY } from './copy'

/**
 * The user function's personal-data actions as the 我的数据 page uses them (`privacy` and `consent` are read and
 * written through the consent gate's shared copy). Errors keep the server's Chinese message.
 */
const call = createFunctionClient('user', COPY.common.serviceMissing)

/** What `user.deleteAccount` reports: documents removed per collection, files removed, paid orders kept anonymised. */
export interface DeletionReport {
  deleted: Record<string, number>
  files: number
  anonymisedPayments: number
}

/** Everything Huizhi holds about the caller, with their own numbers in full (`user.exportData`). */
export function exportData(): Promise<Record<string, unknown>> {
  return call<Record<string, unknown>>('exportData', {})
}

/** Deletes the caller's account and data; `confirm` must be the phrase the user typed (`删除我的数据`). */
export function deleteAccount(confirm: typeof DELETE_CONFIRMATION): Promise<DeletionReport> {
  return call<DeletionReport>('deleteAccount', { confirm })
}
