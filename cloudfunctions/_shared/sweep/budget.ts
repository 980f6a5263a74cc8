import type { Clock } from '../ports'

/**
 * How long a sweep may keep working, read from the Clock port: the real clock in CloudBase, an injected one in
 * tests and in the bench (where every simulated call moves it on). A task asks `spent()` before each batch and
 * leaves what is left for the next tick; nothing is cut mid-write.
 */
export class Budget {
  private constructor(private readonly clock: Clock, readonly deadline: number) {}

  static of(clock: Clock, ms: number): Budget {
    return new Budget(clock, clock.now().getTime() + ms)
  }

  /** Milliseconds left (never negative). */
  left(): number {
    return Math.max(0, this.deadline - this.clock.now().getTime())
  }

  spent(): boolean {
    return this.left() === 0
  }

  /** A share of what is left, ending no later than this budget. */
  slice(ms: number): Budget {
    return new Budget(this.clock, Math.min(this.deadline, this.clock.now().getTime() + ms))
  }
}

/**
 * Runs `fn` over the items with at most `limit` in flight: a batch costs about one round trip per `limit` items
 * instead of one per item. An item's failure is its own (caught and passed to `onError`); the others go on.
 */
export async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>, onError: (item: T, error: unknown) => void): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]
      try {
        await fn(item)
      } catch (error) {
        onError(item, error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
}

/** Splits a list into chunks of `size` (a query's `$in`, a storage call's 50 files). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
