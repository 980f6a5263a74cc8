import { handleReviewCallback, type HttpEvent } from '../_shared/review/review-callback.handler'
import { defineSystemEntry, fromUserSide } from '../_shared/system'

/**
 * Who can call this? The detection center, through CloudBase HTTP access (path /api/callbacks/review):
 * https://docs.cloudbase.net/service/access-cloud-function. HTTP access is open to anyone on the internet
 * and CloudBase signs nothing, so the caller is authenticated by what it carries: an HMAC-SHA256 signature
 * over timestamp, nonce and body with the center's callback secret, ±5 minutes, each nonce once.
 * With a wholesale receipt provider configured (HUIZHI_PROVIDER=zjzapi|clipimg), the caller is that provider and is
 * authenticated by our per-order HMAC token in the callback URL we gave it (zjzapi: and its md5 `sign`; 可立图: the
 * callback only triggers a /query, whose answer is applied): _shared/review/provider-callback.handler.ts.
 * A call from a mini-program user (an OPENID, or a chain starting at wx_client / the IDE) is refused with
 * FORBIDDEN before the signature is even read: the center never calls through a WeChat client.
 */
export const reviewCallbackEntry = defineSystemEntry({
  name: 'reviewCallback',
  callers: 'the detection center over HTTP access, HMAC-signed, or the configured receipt provider with its order token; never a WeChat client',
  admits: (inv) => !fromUserSide(inv),
  run: (ports, event) => handleReviewCallback(ports, event as HttpEvent),
})
