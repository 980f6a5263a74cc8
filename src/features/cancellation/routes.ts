import * as v from 'valibot'
import { CancelReasonSchema } from '@/domain/cancellation/cancellation.schema'
import { ACCOUNT_STATES, type EligibilityInput } from '@/domain/cancellation/eligibility'
import { CityCode } from '@/domain/order/order.schema'

/**
 * The cancellation pages' addresses. The wizard's answers travel in the query (they are not personal data), so a
 * reload keeps them; names, ID numbers, phone and card never do: they go to the function and come back masked.
 */
const ROOT = '/features/cancellation/pages'

function query(params: Record<string, string | undefined>): string {
  const pairs = Object.entries(params).filter((p): p is [string, string] => !!p[1])
  return pairs.map(([k, val]) => `${k}=${encodeURIComponent(val)}`).join('&')
}

const byId = (page: string) => (applicationId: string) => `${ROOT}/${page}/index?${query({ applicationId })}`

export const eligibilityUrl = (): string => `${ROOT}/eligibility/index`
/** A new application, with the wizard's answers. */
export const applyUrl = (a: EligibilityInput): string =>
  `${ROOT}/apply/index?${query({ cityCode: a.cityCode, reason: a.reason, accountState: a.accountState, realNameVerified: String(a.realNameVerified) })}`
/** Changes to a draft or a rejected application. */
export const editUrl = byId('apply')
export const materialsUrl = byId('materials')
export const reviewUrl = byId('review')
export const detailUrl = byId('detail')

const Answers = v.object({
  cityCode: CityCode,
  reason: CancelReasonSchema,
  accountState: v.picklist(ACCOUNT_STATES),
  realNameVerified: v.pipe(
    v.picklist(['true', 'false']),
    v.transform((s) => s === 'true'),
  ),
})

/** The wizard's answers from a page query, or undefined when any is missing or malformed. */
export function answersOf(q: Record<string, string | undefined>): EligibilityInput | undefined {
  const parsed = v.safeParse(Answers, { cityCode: q.cityCode, reason: q.reason, accountState: q.accountState, realNameVerified: q.realNameVerified })
  return parsed.success ? parsed.output : undefined
}

export { isApplicationId } from '@/domain/cancellation/cancellation.schema'
