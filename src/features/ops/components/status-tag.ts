import type { ApplicationState } from '@/domain/cancellation/cancellation.machine'
import type { OrderState } from '@/domain/order/order.machine'

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger'

/** The colour of an order's status wherever the console shows it as a tag. */
export const STATUS_TAG: Readonly<Record<OrderState, TagType>> = {
  created: 'warning',
  paid: 'primary',
  reviewing: 'primary',
  approved: 'success',
  rejected: 'danger',
  cancelled: 'default',
  refunded: 'default',
}

/** The colour of a cancellation application's status: waiting for the operator reads as a warning. */
export const APPLICATION_TAG: Readonly<Record<ApplicationState, TagType>> = {
  draft: 'default',
  submitted: 'warning',
  reviewing: 'warning',
  approved: 'success',
  rejected: 'danger',
}
