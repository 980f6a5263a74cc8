import * as v from 'valibot'

/**
 * How long Huizhi keeps personal data (PIPL: keep no longer than the purpose needs). The sweeper enforces
 * these periods; the privacy page states them; each can be changed in config (HUIZHI_RETAIN_*_DAYS).
 */
export interface Retention {
  /** Photos of orders never paid, and checked photos never ordered, are deleted this many days after they were made. */
  unpaidPhotoDays: number
  /** Originals (the normalised photo, cancellation proofs) are deleted this many days after the case's final result. */
  originalAfterFinalDays: number
  /** A receipt (its slip and photo) is kept until this many days after it expires. */
  receiptAfterExpiryDays: number
}

export const DEFAULT_RETENTION: Retention = { unpaidPhotoDays: 7, originalAfterFinalDays: 30, receiptAfterExpiryDays: 30 }

const Days = v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(3650))

/** Reads the periods from the environment, falling back to the defaults; a malformed value fails loudly. */
export function retentionFromEnv(env: Record<string, string | undefined>): Retention {
  const read = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const parsed = v.safeParse(Days, raw)
    if (!parsed.success) throw new Error(`${name} must be a whole number of days between 1 and 3650`)
    return parsed.output
  }
  return {
    unpaidPhotoDays: read('HUIZHI_RETAIN_UNPAID_PHOTO_DAYS', DEFAULT_RETENTION.unpaidPhotoDays),
    originalAfterFinalDays: read('HUIZHI_RETAIN_ORIGINAL_DAYS', DEFAULT_RETENTION.originalAfterFinalDays),
    receiptAfterExpiryDays: read('HUIZHI_RETAIN_RECEIPT_DAYS', DEFAULT_RETENTION.receiptAfterExpiryDays),
  }
}

/** The privacy policy's version: a user's consent is recorded against it, and a new version asks again. */
export const PRIVACY_POLICY_VERSION = '2026-11-24'

/** `user.deleteAccount` needs the user to type this phrase, so a stray tap cannot erase everything. */
export const DELETE_CONFIRMATION = '删除我的数据'

export const DeleteAccountInput = v.object({ confirm: v.literal(DELETE_CONFIRMATION, `请输入“${DELETE_CONFIRMATION}”确认`) })
export const ConsentInput = v.object({ version: v.literal(PRIVACY_POLICY_VERSION, '隐私政策已更新，请重新阅读后同意') })
