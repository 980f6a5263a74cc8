import { isOrderId } from '@/domain/order/order.schema'

/**
 * Where a checked photo goes when the id-photo flow was opened for someone else: a rejected order's
 * free resubmission. Kept in memory for this app session, like the pending photo.
 */
let resubmitOrderId: string | undefined

export function setResubmitTarget(orderId: string | undefined): void {
  resubmitOrderId = isOrderId(orderId) ? orderId : undefined
}

export function resubmitTarget(): string | undefined {
  return resubmitOrderId
}

/** The city chosen on the choice page: a national spec alone does not say which city the receipt is for. */
let chosenCityCode: string | undefined

export function setChosenCity(code: string | undefined): void {
  chosenCityCode = code
}

export function chosenCity(): string | undefined {
  return chosenCityCode
}

/** The background chosen on the choice page, where the spec allows a choice (出入境); undefined is the spec's own. */
let chosenBackgroundName: string | undefined

export function setChosenBackground(name: string | undefined): void {
  chosenBackgroundName = name
}

export function chosenBackground(): string | undefined {
  return chosenBackgroundName
}
