import { createMain } from '../_shared/wx/main'
import { cancellationFunction } from './cancellation.function'

/**
 * Who can call this? Any mini-program user (OPENID from getWXContext; none → UNAUTHENTICATED), on their own
 * applications and proofs only; results are recorded by operators through `ops`.
 */
export const main = createMain(cancellationFunction)
