import { instantMs } from '../time'

/**
 * The detection center's signing scheme, both ways (docs/architecture.md, the outside world: HMAC-SHA256; CloudBase HTTP access has no
 * built-in signing). The signature is HMAC(key, `${timestamp}\n${nonce}\n${body}`) over the raw body bytes as
 * received, never a re-serialised JSON. The HMAC itself needs node:crypto, so callers inject it.
 */
export type Hmac = (key: string, message: string) => string

export interface SignedMessage {
  /** Unix time in whole seconds, as sent in the request header. */
  timestamp: string
  nonce: string
  /** The raw request body. */
  body: string
  signature: string
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'BAD_SIGNATURE' | 'STALE_TIMESTAMP' | 'BAD_NONCE' }

/** A callback is accepted only within ±300 seconds of our clock (replay window of the signing scheme). */
export const TIMESTAMP_WINDOW_SECONDS = 300

/**
 * A nonce must be remembered (in the database, not in memory: docs/architecture.md, rules) at least as long as a timestamp
 * can be accepted, so twice the window: a replay inside the window is then always caught.
 */
export const NONCE_RETENTION_SECONDS = 2 * TIMESTAMP_WINDOW_SECONDS

/** A nonce is 16–64 URL-safe characters (A–Z, a–z, 0–9, - and _), enough randomness to be unique. */
const NONCE = /^[A-Za-z0-9_-]{16,64}$/

export function signingString(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}`
}

/** The signature a sender attaches: used by our submit requests and by the simulated center's callbacks. */
export function sign(message: Omit<SignedMessage, 'signature'>, key: string, hmac: Hmac): string {
  return hmac(key, signingString(message.timestamp, message.nonce, message.body))
}

export function isValidNonce(nonce: string): boolean {
  return NONCE.test(nonce)
}

/** True when `timestamp` (whole seconds) lies within ±TIMESTAMP_WINDOW_SECONDS of `now`; a malformed one never does. */
export function isFreshTimestamp(timestamp: string, now: string | Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false
  const skew = Math.abs(instantMs(now) / 1000 - Number(timestamp))
  return skew <= TIMESTAMP_WINDOW_SECONDS
}

/**
 * Compares two strings in time that depends only on their lengths, not on where they first differ,
 * so a forger cannot find a signature one character at a time.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0)
  return diff === 0
}

/**
 * Verifies a callback: nonce format, then timestamp window, then signature. A pass does not prove the
 * nonce is new: the caller must also record it (for NONCE_RETENTION_SECONDS) and refuse one seen before.
 */
export function verifySignature(message: SignedMessage, key: string, hmac: Hmac, now: string | Date): VerifyResult {
  if (!isValidNonce(message.nonce)) return { ok: false, reason: 'BAD_NONCE' }
  if (!isFreshTimestamp(message.timestamp, now)) return { ok: false, reason: 'STALE_TIMESTAMP' }
  const expected = sign(message, key, hmac)
  return constantTimeEqual(expected, message.signature) ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE' }
}
