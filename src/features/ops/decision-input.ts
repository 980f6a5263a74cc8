import { shanghaiDate } from '@/domain/time'

/**
 * A fresh idempotency key for one decision: made once when the operator opens 通过 or 不通过 and sent with every
 * attempt from that dialog, so a double tap or a retried request is applied once (DecideApplicationInput.decisionId).
 */
export function newDecisionId(): string {
  return `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`
}

/** Yuan as people type it: whole yuan, or with one or two decimals ("12345", "12345.6", "12345.67"). */
const YUAN = /^(\d{1,9})(?:\.(\d{1,2}))?$/

/**
 * A refund typed in yuan, as whole fen; undefined for an empty field, NaN for anything that is not a non-negative
 * amount with at most two decimals. Converted digit by digit, never through a float (12345.67 → 1234567).
 */
export function yuanToFen(text: string): number | undefined {
  const trimmed = text.trim()
  if (!trimmed) return undefined
  const match = YUAN.exec(trimmed)
  if (!match) return Number.NaN
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Today in Asia/Shanghai, the refund date the approve dialog suggests. */
export const todayInShanghai = (): string => shanghaiDate(new Date())
