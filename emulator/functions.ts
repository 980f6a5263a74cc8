import type { FunctionDef } from '../cloudfunctions/_shared/handler'
import { cancellationFunction } from '../cloudfunctions/cancellation/cancellation.function'
import { cardLossFunction } from '../cloudfunctions/cardLoss/cardLoss.function'
import { opsFunction } from '../cloudfunctions/ops/ops.function'
import { orderFunction } from '../cloudfunctions/order/order.function'
import { photoFunction } from '../cloudfunctions/photo/photo.function'
import { userFunction } from '../cloudfunctions/user/user.function'

/** Every cloud function, by name, as the emulator serves it. A test checks this matches cloudfunctions/. */
export const FUNCTIONS: Readonly<Record<string, FunctionDef>> = {
  cancellation: cancellationFunction,
  cardLoss: cardLossFunction,
  ops: opsFunction,
  order: orderFunction,
  photo: photoFunction,
  user: userFunction,
}

/**
 * Functions called by systems rather than users, and how the emulator reaches the same handlers:
 * the cashier page fires payCallback, the simulated center posts to reviewCallback, an interval runs the sweeper.
 */
export const SYSTEM_FUNCTIONS: Readonly<Record<string, string>> = {
  payCallback: 'POST /__cashier/pay (the simulated cashier)',
  reviewCallback: 'POST /api/callbacks/review (HTTP, signed)',
  sweeper: 'every 2 s (sweepIntervalMs)',
}
