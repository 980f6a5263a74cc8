import { createMain } from '../_shared/wx/main'
import { orderFunction } from './order.function'

/**
 * Who can call this? Any mini-program user (OPENID from getWXContext; none → UNAUTHENTICATED), on their own
 * orders only: another user's order answers ORDER_NOT_FOUND. Payment is never marked here, only by payCallback.
 */
export const main = createMain(orderFunction)
