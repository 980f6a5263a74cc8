import { ORDER_STATES, type OrderState } from './order.machine'

/** Order states by status group (order.list's tab filter); cancelled and refunded orders appear under 全部 only. */
export const ORDER_TABS = {
  all: ORDER_STATES,
  unpaid: ['created'],
  reviewing: ['paid', 'reviewing'],
  approved: ['approved'],
  rejected: ['rejected'],
} as const satisfies Record<string, readonly OrderState[]>

export type OrderTab = keyof typeof ORDER_TABS

export const ORDER_TAB_LABELS: Readonly<Record<OrderTab, string>> = {
  all: '全部',
  unpaid: '待支付',
  reviewing: '审核中',
  approved: '已通过',
  rejected: '未通过',
}


export function statesForTab(tab: OrderTab): readonly OrderState[] {
  return ORDER_TABS[tab]
}
