/** Why a payment did not go through. Pages pick the sentence; `cancelled` is the user's own choice. */
export type PayFailure = 'cancelled' | 'failed' | 'unsupported'

export class PayError extends Error {
  readonly reason: PayFailure

  constructor(reason: PayFailure, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason)
    this.name = 'PayError'
    this.reason = reason
  }
}

/**
 * How a payment ended on this device: `paid` (WeChat Pay reported success; the server still waits for its callback),
 * or `redirected` (the browser is on its way to the local cashier, which comes back to the result page itself).
 */
export type PayOutcome = 'paid' | 'redirected'
