import { AppError, isErrorCode, type Reply } from '@/domain/errors'

/** Options for one cloud call. Only reads and idempotent actions should retry. */
export interface CallOptions {
  /** How many times to retry after a network failure (not after a coded error). */
  retries?: number
}

/** Turns a function's Reply into data, or throws the coded error it carries. */
export function unwrap<T>(reply: unknown): T {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const r = reply as Reply<T>
    if (r.ok) return r.data
    if (r.error && isErrorCode(r.error.code)) throw new AppError(r.error.code, r.error.message, r.error.details)
  }
  throw new AppError('INTERNAL')
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Retries `attempt` after network failures with a short exponential back-off; coded errors pass straight through. */
export async function withRetry<T>(attempt: () => Promise<T>, retries: number): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt()
    } catch (error) {
      const network = error instanceof AppError && error.code === 'NETWORK_ERROR'
      if (!network || i >= retries) throw error
      await sleep(400 * 2 ** i)
    }
  }
}

export function messageOf(error: unknown): string {
  return error instanceof AppError ? error.message : new AppError('INTERNAL').message
}
