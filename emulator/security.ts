import { createHash } from 'node:crypto'

/** Headers every emulator response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=()',
}

/**
 * The Content-Security-Policy of the H5 app: scripts only from our origin plus the exact inline scripts
 * of index.html (by hash), no plugins, no framing, fetches only to our origin (and blob: for the photo
 * the page itself produced). Style attributes need 'unsafe-inline' (React and Taro set inline styles).
 */
export function appCsp(html: string, apiOrigin?: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`)
  const connect = ["'self'", 'blob:', 'data:', ...(apiOrigin ? [apiOrigin] : [])].join(' ')
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * A per-user token bucket for writes: `capacity` at once, refilled at `perSecond`. Reads are not limited.
 * In CloudBase the platform throttles; locally this keeps one user from flooding the store.
 */
export class WriteLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one token for `key`; false when the user must wait. */
  take(key: string): boolean {
    if (this.capacity <= 0) return true
    const t = this.now()
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: t }
    b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 1000) * this.perSecond)
    b.at = t
    this.buckets.set(key, b)
    if (b.tokens < 1) return false
    b.tokens -= 1
    if (this.buckets.size > 10_000) this.buckets.clear()
    return true
  }
}

/** Actions that only read: every other action of a function counts as a write. */
export const READ_ACTIONS: ReadonlySet<string> = new Set([
  'get', 'list', 'messages', 'privacy', 'exportData', 'receipts', 'board', 'stuck', 'search', 'detail', 'audit',
  'cancellations', 'cancellationDetail', 'lossCases', 'lossDetail', 'uploadTarget', 'verify', 'file',
])
