/** The operator console's addresses. Only the order or application id travels in a query; personal data never does. */
const ROOT = '/features/ops/pages'

/** The console's sections, in the order the navigation shows them. */
export const CONSOLE_TABS = ['board', 'stuck', 'search', 'desk', 'cancellations', 'loss', 'audit'] as const
export type ConsoleTab = (typeof CONSOLE_TABS)[number]

export const isConsoleTab = (value: unknown): value is ConsoleTab => CONSOLE_TABS.includes(value as ConsoleTab)
export { isOrderId } from '@/domain/order/order.schema'
export { isApplicationId } from '@/domain/cancellation/cancellation.schema'
export { isLossCaseId } from '@/domain/card-loss/card-loss.schema'

export const opsDetailUrl = (orderId: string): string => `${ROOT}/detail/index?orderId=${encodeURIComponent(orderId)}`
export const opsLossUrl = (caseId: string): string => `${ROOT}/loss/index?caseId=${encodeURIComponent(caseId)}`
export const opsCancellationUrl = (applicationId: string): string => `${ROOT}/cancellation/index?applicationId=${encodeURIComponent(applicationId)}`
