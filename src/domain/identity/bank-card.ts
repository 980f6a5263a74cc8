import * as v from 'valibot'
import { toHalfWidth } from './half-width'

/** Bank card numbers are 12–19 digits (ISO/IEC 7812 primary account numbers; UnionPay issues 16–19). */
const CARD_DIGITS = /^\d{12,19}$/

export const BANK_CARD_REASONS = {
  empty: '请填写银行卡号',
  format: '银行卡号应为 12–19 位数字',
  checksum: '银行卡号校验不通过，请逐位核对',
} as const

/** Drops the spaces and hyphens people type between groups of four, and folds full-width digits. */
export function normalizeBankCard(value: string): string {
  return toHalfWidth(value).replace(/[\s-]+/g, '')
}

/** ISO/IEC 7812-1 Luhn check: doubling every second digit from the right, the digit sum is a multiple of 10. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export type BankCardResult = { ok: true; normalized: string } | { ok: false; reason: string }

/** A card number for a cancellation refund: 12–19 digits that pass the Luhn check. */
export function validateBankCard(value: string): BankCardResult {
  const normalized = normalizeBankCard(value)
  if (normalized === '') return { ok: false, reason: BANK_CARD_REASONS.empty }
  if (!CARD_DIGITS.test(normalized)) return { ok: false, reason: BANK_CARD_REASONS.format }
  if (!luhnValid(normalized)) return { ok: false, reason: BANK_CARD_REASONS.checksum }
  return { ok: true, normalized }
}

/** Schema for `parseInput`: a bank card number, normalised to its digits. */
export const BankCardNumber = v.pipe(
  v.string(BANK_CARD_REASONS.empty),
  v.transform(normalizeBankCard),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const result = validateBankCard(dataset.value)
    if (!result.ok) addIssue({ message: result.reason })
  }),
)

/** Privacy: a bank card is shown by its last 4 digits only (**** 1234). */
export function maskBankCard(value: string): string {
  const digits = normalizeBankCard(value)
  return `**** ${digits.length >= 8 ? digits.slice(-4) : '****'}`
}
