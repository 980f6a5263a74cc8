import type { OrderState } from '@/domain/order/order.machine'

/** The colour of an order's status wherever the console shows it as a tag. */
export const STATUS_TAG: Readonly<Record<OrderState, 'default' | 'primary' | 'success' | 'warning' | 'danger'>> = {
  created: 'warning',
  paid: 'primary',
  reviewing: 'primary',
  approved: 'success',
  rejected: 'danger',
  cancelled: 'default',
  refunded: 'default',
}
