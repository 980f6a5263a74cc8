
/** The operator console's addresses. Only the order id travels in a query; personal data never does. */
const ROOT = '/features/ops/pages'

/** The console's sections, in the order the navigation shows them. */
export const CONSOLE_TABS = ['board', 'stuck', 'search', 'desk', 'audit'] as const
export type ConsoleTab = (typeof CONSOLE_TABS)[number]

export const isConsoleTab = (value: unknown): value is ConsoleTab => CONSOLE_TABS.includes(value as ConsoleTab)
export { isOrderId } from '@/domain/order/order.schema'

export const consoleUrl = (tab?: ConsoleTab): string => `${ROOT}/index/index${tab ? `?tab=${tab}` : ''}`
export const opsDetailUrl = (orderId: string): string => `${ROOT}/detail/index?orderId=${encodeURIComponent(orderId)}`
