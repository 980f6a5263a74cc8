import { handleReviewCallback, type HttpEvent } from '../_shared/review/review-callback.handler'
import { defineSystemEntry, fromUserSide } from '../_shared/system'

/**
 * Who can call this? The detection center, through CloudBase HTTP access (path /api/callbacks/review):
 * https://docs.cloudbase.net/service/access-cloud-function. HTTP access is open to anyone on the internet
 * and CloudBase signs nothing, so the caller is authenticated by what it carries: an HMAC-SHA256 signature
 * over timestamp, nonce and body with the center's callback secret, ±5 minutes, each nonce once.
 * A call from a mini-program user (an OPENID, or a chain starting at wx_client / the IDE) is refused with
 * FORBIDDEN before the signature is even read: the center never calls through a WeChat client.
 */
export const reviewCallbackEntry = defineSystemEntry({
  name: 'reviewCallback',
  callers: 'the detection center over HTTP access, HMAC-signed; never a WeChat client',
  admits: (inv) => !fromUserSide(inv),
  run: (ports, event) => handleReviewCallback(ports, event as HttpEvent),
})
