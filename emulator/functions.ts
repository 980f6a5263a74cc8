import type { FunctionDef } from '../cloudfunctions/_shared/handler'
import type { SystemEntry } from '../cloudfunctions/_shared/system'
import { payCallbackEntry } from '../cloudfunctions/payCallback/payCallback.function'
import { reviewCallbackEntry } from '../cloudfunctions/reviewCallback/reviewCallback.function'
import { sweeperEntry } from '../cloudfunctions/sweeper/sweeper.function'
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
 * Functions called by systems rather than users. The emulator reaches them as CloudBase does: the cashier
 * page fires payCallback with WeChat Pay's source, the simulated center posts to reviewCallback over HTTP,
 * an interval runs the sweeper with the timer's source — and, since a mini-program client can call every
 * function of an environment, the client route calls them too, with the client's source, for the entry
 * itself to refuse.
 */
export const SYSTEM_FUNCTIONS: Readonly<Record<string, SystemEntry<unknown>>> = {
  payCallback: payCallbackEntry,
  reviewCallback: reviewCallbackEntry,
  sweeper: sweeperEntry,
}
