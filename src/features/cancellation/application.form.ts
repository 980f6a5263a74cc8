import * as v from 'valibot'
import { ApplicationInput, DebitCardNumber, HEIR_RELATIONS, checkApplication } from '@/domain/cancellation/cancellation.schema'
import type { ApplicationView } from '@/domain/cancellation/cancellation.view'
import type { EligibilityInput } from '@/domain/cancellation/eligibility'
import { AppError } from '@/domain/errors'
import { normalizeBankCard } from '@/domain/identity/bank-card'
import { validateIdNumber } from '@/domain/identity/id-number'
import { fieldErrors } from '@/domain/validation'
import type { ApplicationForm } from './api'
import { COPY } from './copy'

type HeirRelation = (typeof HEIR_RELATIONS)[number]

/** What the user types on the application form, as typed. */
export type ApplyValues = {
  insuredName: string
  insuredId: string
  heirName: string
  heirId: string
  heirRelation: HeirRelation | ''
  phone: string
  bankCode: string
  cardNumber: string
  holderName: string
}

export type ApplyField = keyof ApplyValues & string

export const EMPTY_APPLY: ApplyValues = { insuredName: '', insuredId: '', heirName: '', heirId: '', heirRelation: '', phone: '', bankCode: '', cardNumber: '', holderName: '' }

/** The case the form is for: the wizard's answers, and the application when editing one. */
export interface ApplyCase extends EligibilityInput {
  applicationId?: string
  /** Masked numbers of the saved application: ID numbers, phone and card must be typed again. */
  masked?: { insuredId: string; heirId?: string; phone: string; card: string }
}

/** Schema paths, as `fieldErrors` and the function's VALIDATION_FAILED details name them, and their testids. */
export const APPLY_FIELDS = {
  insuredName: { path: 'insured.name', testId: 'apply-insured-name' },
  insuredId: { path: 'insured.idNumber', testId: 'apply-insured-id' },
  heirName: { path: 'heir.name', testId: 'apply-heir-name' },
  heirId: { path: 'heir.idNumber', testId: 'apply-heir-id' },
  heirRelation: { path: 'heir.relation', testId: 'apply-heir-relation' },
  phone: { path: 'phone', testId: 'apply-phone' },
  bankCode: { path: 'bank.bankCode', testId: 'apply-bank' },
  cardNumber: { path: 'bank.cardNumber', testId: 'apply-card' },
  holderName: { path: 'bank.holderName', testId: 'apply-holder' },
} as const satisfies Record<ApplyField, { path: string; testId: string }>

const FIELD_OF_PATH = new Map<string, ApplyField>(Object.entries(APPLY_FIELDS).map(([field, f]) => [f.path, field as ApplyField]))

/** After a death the heir applies and is paid; otherwise the insured person. */
export const isDeath = (c: ApplyCase): boolean => c.reason === 'death'

/** The refund card must be in the payee's name: the holder follows the payee's name until the user changes it. */
export const payeeOf = (c: ApplyCase, values: ApplyValues): string => (isDeath(c) ? values.heirName : values.insuredName)

/** The holder shown and sent: the payee's name unless the user typed another one. */
export const holderOf = (c: ApplyCase, values: ApplyValues, holderEdited: boolean): string => (holderEdited ? values.holderName : payeeOf(c, values))

/** The form as the function takes it; the heir only after a death. */
export function formOf(c: ApplyCase, values: ApplyValues, holderName: string): ApplicationForm {
  return {
    ...(c.applicationId ? { applicationId: c.applicationId } : {}),
    cityCode: c.cityCode,
    reason: c.reason,
    accountState: c.accountState,
    realNameVerified: c.realNameVerified,
    insured: { name: values.insuredName, idNumber: values.insuredId },
    ...(isDeath(c) ? { heir: { name: values.heirName, idNumber: values.heirId, relation: values.heirRelation as HeirRelation } } : {}),
    phone: values.phone,
    bank: { bankCode: values.bankCode as ApplicationForm['bank']['bankCode'], cardNumber: values.cardNumber, holderName },
  }
}

/** The server's VALIDATION_FAILED details, per form field (details about other paths are left to the message). */
export function fieldsOfDetails(error: unknown): Partial<Record<ApplyField, string>> {
  const mapped: Partial<Record<ApplyField, string>> = {}
  for (const d of error instanceof AppError ? (error.details ?? []) : []) {
    const field = FIELD_OF_PATH.get(d.path)
    if (field) mapped[field] = d.message
  }
  return mapped
}

/**
 * The domain schema's first message per field; a birth date after `today` (the one rule that needs the date);
 * then the rules across fields (`checkApplication`: an heir after a death, the card in the payee's name).
 */
export function applyErrors(form: ApplicationForm, today: string): Partial<Record<ApplyField, string>> {
  const errors: Partial<Record<ApplyField, string>> = {}
  for (const [path, message] of Object.entries(fieldErrors(ApplicationInput, form))) {
    const field = FIELD_OF_PATH.get(path)
    if (field && !errors[field]) errors[field] = message
  }
  const ids: Array<[ApplyField, string | undefined]> = [
    ['insuredId', form.insured.idNumber],
    ['heirId', form.heir?.idNumber],
  ]
  for (const [field, value] of ids) {
    if (value === undefined || errors[field]) continue
    const id = validateIdNumber(value, today)
    if (!id.ok) errors[field] = id.reason
  }
  if (Object.keys(errors).length > 0) return errors
  const parsed = v.safeParse(ApplicationInput, form)
  if (!parsed.success) return errors
  try {
    checkApplication(parsed.output)
  } catch (error) {
    if (error instanceof AppError) for (const d of error.details ?? []) errors[FIELD_OF_PATH.get(d.path) ?? 'holderName'] = d.message
  }
  return errors
}

export interface CardStatus {
  /** `typing` while fewer than 16 digits are in; `bad` once the number cannot be a debit card; `ok` when it passes. */
  tone: 'typing' | 'bad' | 'ok'
  digits: string
  message: string
}

/** The card number as the user types it: how many digits, then the schema's verdict once there are enough. */
export function cardStatus(value: string): CardStatus | undefined {
  const digits = normalizeBankCard(value)
  if (!digits) return undefined
  const parsed = v.safeParse(DebitCardNumber, value, { abortPipeEarly: true })
  if (parsed.success) return { tone: 'ok', digits, message: COPY.apply.cardOk }
  const message = parsed.issues[0]?.message ?? ''
  const typing = /^\d+$/.test(digits) && digits.length < 16
  return { tone: typing ? 'typing' : 'bad', digits, message }
}

/** Digits in groups of four, as printed on the card. */
export const grouped = (digits: string): string => digits.replace(/(.{4})(?=.)/g, '$1 ')

/**
 * What the card field shows: the server's message first; the check's message only while nothing typed is shown
 * digit by digit; red when either says so, or while still typing once the field was left or a submit tried.
 */
export function cardFieldState(card: CardStatus | undefined, opts: { server?: string; check?: string; touched: boolean }): { message?: string; bad: boolean } {
  const message = opts.server ?? (card ? undefined : opts.touched ? opts.check : undefined)
  const bad = !!message || card?.tone === 'bad' || (card?.tone === 'typing' && opts.touched)
  return { message, bad }
}

/** The case and the form prefilled from a saved application: names, relation, bank and holder; never the numbers. */
export function editingOf(view: ApplicationView): { c: ApplyCase; values: ApplyValues } {
  const c: ApplyCase = {
    applicationId: view.applicationId,
    cityCode: view.cityCode,
    reason: view.reason,
    accountState: view.accountState,
    realNameVerified: view.realNameVerified,
    masked: { insuredId: view.insured.idNumberMasked, heirId: view.heir?.idNumberMasked, phone: view.phoneMasked, card: view.bank.cardMasked },
  }
  const relation = HEIR_RELATIONS.find((r) => r === view.heir?.relation) ?? ''
  const values: ApplyValues = { ...EMPTY_APPLY, insuredName: view.insured.name, heirName: view.heir?.name ?? '', heirRelation: relation, bankCode: view.bank.bankCode, holderName: view.bank.holderName }
  return { c, values }
}

/** Whether the holder shown was typed by the user (it differs from the payee's name) when the form opens. */
export const holderEditedAtStart = (c: ApplyCase, initial: ApplyValues): boolean => initial.holderName !== '' && initial.holderName !== payeeOf(c, initial)
