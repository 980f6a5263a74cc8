import { createHmac } from 'node:crypto'
import {
  NONCE_RETENTION_SECONDS,
  constantTimeEqual,
  isFreshTimestamp,
  isValidNonce,
  sign,
  signingString,
  verifySignature,
  type Hmac,
} from '@/domain/callback/signature'

/** The production HMAC, as a cloud function injects it. */
const hmacSha256: Hmac = (key, message) => createHmac('sha256', key).update(message, 'utf8').digest('hex')

const KEY = 'center-shared-secret'
const NOW = new Date('2026-11-24T04:00:00.000Z')
const NOW_S = String(NOW.getTime() / 1000)

function signed(body = '{"orderId":"od_0123456789abcdef01234567","result":"approved","receiptNo":"HZ2026112400017"}', timestamp = NOW_S, nonce = 'n0nce_Abcdefghijk-123') {
  return { timestamp, nonce, body, signature: sign({ timestamp, nonce, body }, KEY, hmacSha256) }
}

describe('detection-center signatures', () => {
  it('signs timestamp, nonce and body joined by newlines', () => {
    expect(signingString('1700000000', 'abcdefghijklmnop', '{}')).toBe('1700000000\nabcdefghijklmnop\n{}')
  })

  it('accepts a callback signed with the shared key', () => {
    expect(verifySignature(signed(), KEY, hmacSha256, NOW)).toEqual({ ok: true })
  })

  it('refuses a callback whose body was tampered with', () => {
    const message = signed()
    const tampered = { ...message, body: message.body.replace('approved', 'rejected') }
    expect(verifySignature(tampered, KEY, hmacSha256, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' })
  })

  it('refuses a signature made with another key, and a truncated one', () => {
    const message = signed()
    expect(verifySignature(message, 'another-key', hmacSha256, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' })
    expect(verifySignature({ ...message, signature: message.signature.slice(0, -1) }, KEY, hmacSha256, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' })
    expect(verifySignature({ ...message, signature: '' }, KEY, hmacSha256, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' })
  })

  it('refuses a timestamp 301 s old and accepts one exactly 300 s old', () => {
    expect(verifySignature(signed(undefined, String(Number(NOW_S) - 301)), KEY, hmacSha256, NOW)).toEqual({ ok: false, reason: 'STALE_TIMESTAMP' })
    expect(verifySignature(signed(undefined, String(Number(NOW_S) - 300)), KEY, hmacSha256, NOW)).toEqual({ ok: true })
  })

  it('refuses a timestamp more than 300 s in the future, and one in milliseconds or malformed', () => {
    expect(isFreshTimestamp(String(Number(NOW_S) + 301), NOW)).toBe(false)
    expect(isFreshTimestamp(String(Number(NOW_S) + 300), NOW)).toBe(true)
    expect(isFreshTimestamp(String(NOW.getTime()), NOW)).toBe(false)
    expect(isFreshTimestamp('1.7e9', NOW)).toBe(false)
    expect(verifySignature(signed(undefined, ''), KEY, hmacSha256, NOW)).toEqual({ ok: false, reason: 'STALE_TIMESTAMP' })
  })

  it('requires a nonce of 16–64 URL-safe characters', () => {
    expect(isValidNonce('a'.repeat(16))).toBe(true)
    expect(isValidNonce('Az09-_'.repeat(10) + 'abcd')).toBe(true)
    expect(isValidNonce('a'.repeat(15))).toBe(false)
    expect(isValidNonce('a'.repeat(65))).toBe(false)
    expect(isValidNonce('abcdefghijklmno+')).toBe(false)
    expect(isValidNonce('abcdefghijklmn\nop')).toBe(false)
    expect(verifySignature(signed(undefined, NOW_S, 'short'), KEY, hmacSha256, NOW)).toEqual({ ok: false, reason: 'BAD_NONCE' })
  })

  it('asks callers to remember nonces for twice the window', () => {
    expect(NONCE_RETENTION_SECONDS).toBe(600)
  })
})

describe('constant-time comparison', () => {
  it('is true only for identical strings', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true)
    expect(constantTimeEqual('', '')).toBe(true)
    expect(constantTimeEqual('abc', 'abd')).toBe(false)
    expect(constantTimeEqual('abc', 'ab')).toBe(false)
    expect(constantTimeEqual('ab', 'abc')).toBe(false)
    expect(constantTimeEqual('', 'a')).toBe(false)
  })

  it('tells apart strings whose characters differ only beyond the first byte', () => {
    expect(constantTimeEqual('\u0100', '\u0000')).toBe(false)
    expect(constantTimeEqual('审核', '审核')).toBe(true)
  })
})
