import type { Ports } from '../ports'
import type { Budget } from './budget'

/** What one sweep task gets: the ports, its slice of the run's time, and the run's own limits. */
export interface SweepCtx {
  ports: Ports
  /** This task's slice: no new page starts once it is spent. */
  budget: Budget
  /** The whole run: work that cannot be cut short (a center call with its timeout) starts only if it fits here. */
  run: Budget
  /** Documents per page. */
  batch: number
  /** Calls in flight at once within a page. */
  concurrency: number
  /** Logs an item's failure; the item is retried on a later pass. */
  itemFailed(task: string, id: string, error: unknown): void
}

/** One kind of due work. `run` returns true when nothing due is left, false when it stopped for the budget. */
export interface SweepTask {
  name: string
  run(ctx: SweepCtx): Promise<boolean>
}
