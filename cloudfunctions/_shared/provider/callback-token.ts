import { createHash } from 'node:crypto'
import { constantTimeEqual } from '../../../src/domain/callback/signature'
import { hmacHex } from '../crypto'

/**
 * The per-order token we put in the callback URL we give a provider: an HMAC of the order id with a key only we
 * hold. A provider whose own proof is weak (zjzapi's `sign` is md5 of the API key, the same on every callback, so
 * anyone who saw one can forge all) cannot be impersonated for an order without it.
 */
export function orderCallbackToken(tokenKey: string, orderId: string): string {
  return hmacHex(tokenKey, `receipt-callback:${orderId}`).slice(0, 40)
}

/** True when `token` is the one we issued for `orderId` (compared in constant time; no key refuses everything). */
export function isOrderCallbackToken(tokenKey: string, orderId: string, token: string | undefined): boolean {
  if (!tokenKey || !token) return false
  return constantTimeEqual(orderCallbackToken(tokenKey, orderId), token)
}

/** The callback URL for one order: our HTTP access route with the order id and its token in the query. */
export function orderCallbackUrl(callbackBase: string, tokenKey: string, orderId: string): string {
  const url = new URL(callbackBase)
  url.searchParams.set('order', orderId)
  url.searchParams.set('token', orderCallbackToken(tokenKey, orderId))
  return url.toString()
}

/** zjzapi's `sign`: md5 of the application's API key, lower-case hex (https://www.zjzapi.com/doc/receipt.html). */
export function zjzapiSign(apiKey: string): string {
  return createHash('md5').update(apiKey).digest('hex')
}
