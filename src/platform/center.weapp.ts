import { AppError } from '@/domain/errors'
import type { CenterDecision, CenterTicket } from './center.types'

export type { CenterDecision, CenterTicket } from './center.types'

/**
 * weapp build: the real detection center has its own review tools; the simulated one lives only in the local
 * emulator, so the review desk is not available here.
 */
export const centerAvailable = false

const LOCAL_ONLY = '审核工作台仅本地模式可用，请在本地浏览器中打开'

export async function centerQueue(): Promise<CenterTicket[]> {
  throw new AppError('FORBIDDEN', LOCAL_ONLY)
}

export async function centerDecide(_decision: CenterDecision): Promise<unknown> {
  throw new AppError('FORBIDDEN', LOCAL_ONLY)
}
