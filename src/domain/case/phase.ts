/**
 * Where a case stands, whatever its kind, so that every page shows every kind in the same colours:
 * `waiting` for the user (to pay, to submit, to take the next step), `in_review` with the system or an office,
 * `done` (the receipt, the cancellation, the new card), `failed` (rejected, with a reason to act on),
 * `closed` (cancelled, refunded, lifted, lapsed: nothing more happens).
 */
export const PHASES = ['waiting', 'in_review', 'done', 'failed', 'closed'] as const
export type Phase = (typeof PHASES)[number]
