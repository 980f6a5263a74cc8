import { createMain } from '../_shared/wx/main'
import { cardLossFunction } from './cardLoss.function'

/**
 * Who can call this? Any mini-program user (OPENID from getWXContext; none → UNAUTHENTICATED), on their own
 * cases only; a formal report needs a verification token bound to that user.
 */
export const main = createMain(cardLossFunction)
