/**
 * One row of `npm run bench`: what was measured, against which floor or peer measured in the same run,
 * the ratio, the budget and the verdict. Each benchmark prints its rows as one JSON line prefixed with
 * ROWS_MARK, so the runner can collect them from a child process.
 */
export interface BenchRow {
  group: string
  figure: string
  measured: string
  against?: string
  ratio?: string
  budget?: string
  /** true: within budget; false: over; null: informational (no budget). */
  ok: boolean | null
  /** Raw numbers for bench-results/*.json. */
  values?: Record<string, number>
}

export const ROWS_MARK = '@@bench-rows '

export function emitRows(rows: BenchRow[]): void {
  console.log(ROWS_MARK + JSON.stringify(rows))
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n)} ms`
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
