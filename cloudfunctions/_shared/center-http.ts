import { sign } from '../../src/domain/callback/signature'
import { hmacHex, newNonce } from './crypto'
import type { ReviewCenter, Submission } from './ports'

/**
 * The detection center over HTTP, signed as docs/api/detection-center.openapi.yaml says. The same
 * adapter talks to a real center in production and to the simulated one locally.
 */
export function createHttpCenter(baseUrl: string, submitSecret: string, now: () => Date = () => new Date(), timeoutMs = 8000): ReviewCenter {
  return {
    provider: 'huizhi',
    async submit(submission: Submission) {
      const body = JSON.stringify(submission)
      const timestamp = String(Math.floor(now().getTime() / 1000))
      const nonce = newNonce()
      const signature = sign({ timestamp, nonce, body }, submitSecret, hmacHex)
      const res = await fetch(`${baseUrl.replace(/\/$/, '')}/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Huizhi-Timestamp': timestamp, 'X-Huizhi-Nonce': nonce, 'X-Huizhi-Signature': signature },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (!res.ok) throw new Error(`center answered ${res.status}`)
      const json = (await res.json()) as { ticketId?: unknown }
      if (typeof json.ticketId !== 'string' || !json.ticketId) throw new Error('center answered without a ticketId')
      return { ticketId: json.ticketId }
    },
  }
}
