import { cityByCode } from '../region'
import { isSourced, UNVERIFIED_NOTICE } from '../sources/source'
import { POLICY_FACTS, policyFor, type CancellationPolicy } from './policy'
import { BASE_MATERIALS, BASE_OPTIONAL_MATERIALS, REASONS, type CancelReason, type MaterialKind } from './reasons'

/** What the wizard asks. */
export interface EligibilityInput {
  cityCode: string
  reason: CancelReason
  /** 账户状态: normal, owes contributions, has unfinished business, or the user does not know. */
  accountState: AccountState
  /** 已实名认证并绑定手机号. */
  realNameVerified: boolean
}

export const ACCOUNT_STATES = ['normal', 'arrears', 'pending', 'unknown'] as const
export type AccountState = (typeof ACCOUNT_STATES)[number]

export const ACCOUNT_STATE_LABELS: Readonly<Record<AccountState, string>> = {
  normal: '正常（无欠费、无未办结业务）',
  arrears: '有欠费或补缴未完成',
  pending: '有正在办理的业务（转移、待遇申领等）',
  unknown: '不清楚',
}

export const HOTLINE = '12333'
export const DEFAULT_POLICY_NOTICE = `暂未收录该城市的办理规定，以下按全国通用规则给出，请拨打 ${HOTLINE} 确认`
/** Shown when a city's channel, review time or refund method has no source: reference only. */
export const POLICY_REFERENCE_NOTICE = `该地的线上渠道、审核时限和退款方式为公开资料整理，未找到经办机构原文：${UNVERIFIED_NOTICE}，可拨打 ${HOTLINE} 确认`

interface Common {
  policy: CancellationPolicy
  /** Shown above the answer: regional caveats and the 12333 notice for unknown cities. */
  notices: string[]
}

export type Eligibility =
  | (Common & { verdict: 'online'; materials: MaterialKind[]; optionalMaterials: MaterialKind[]; refund: string; reviewDays: number })
  | (Common & { verdict: 'offline'; why: string; route: string; materials: MaterialKind[] })
  | (Common & { verdict: 'ineligible'; why: string[]; instead?: string })

/** Every proof a reason needs in a region: the national list plus the office's extras, without repeats. */
export function requiredMaterials(policy: CancellationPolicy, reason: CancelReason): MaterialKind[] {
  return [...new Set([...BASE_MATERIALS[reason], ...(policy.extraMaterials[reason] ?? [])])]
}

export function optionalMaterials(policy: CancellationPolicy, reason: CancelReason): MaterialKind[] {
  const required = new Set(requiredMaterials(policy, reason))
  return [...new Set([...(BASE_OPTIONAL_MATERIALS[reason] ?? []), ...(policy.optionalMaterials[reason] ?? [])])].filter((m) => !required.has(m))
}

/**
 * The wizard's answer: eligible online (with the proofs for this reason and region), or only at a
 * counter here (with the route), or not eligible (and why, and what to do instead).
 */
export function assessEligibility(input: EligibilityInput): Eligibility {
  const { policy, isDefault } = policyFor(input.cityCode)
  const city = cityByCode(input.cityCode)
  const reason = REASONS[input.reason]
  const referenceOnly = !isDefault && POLICY_FACTS.some((f) => !isSourced(policy.evidence[f]))
  const notices = [...(isDefault ? [DEFAULT_POLICY_NOTICE] : []), ...(referenceOnly ? [POLICY_REFERENCE_NOTICE] : []), ...(reason.before ? [reason.before] : [])]
  const why: string[] = []
  if (!reason.cancellable) return { verdict: 'ineligible', policy, notices, why: [`“${reason.title}”不属于可以终止养老保险关系、退还个人账户的情形`], instead: reason.instead }
  if (input.accountState === 'arrears') why.push('账户有欠费或补缴未完成：请先补缴或结清，账户状态正常后才能申请')
  if (input.accountState === 'pending') why.push('账户有正在办理的业务：请等转移、待遇申领等业务办结后再申请')
  if (input.accountState === 'unknown') why.push(`请先在当地社保 App、“掌上 12333”或拨打 ${HOTLINE} 查询账户状态，确认无欠费、无未办结业务后再申请`)
  if (why.length) return { verdict: 'ineligible', policy, notices, why }
  const materials = requiredMaterials(policy, input.reason)
  const place = city?.name ?? policy.regionName
  if (!policy.online) {
    return { verdict: 'offline', policy, notices, materials, route: policy.offlineRoute, why: `${place}暂不支持线上办理社保账号注销` }
  }
  if (!policy.onlineReasons.includes(input.reason)) {
    return { verdict: 'offline', policy, notices, materials, route: policy.offlineRoute, why: `${place}的“${reason.title}”需要到窗口办理` }
  }
  if (!input.realNameVerified) {
    return { verdict: 'offline', policy, notices, materials, route: policy.offlineRoute, why: '线上办理需要先完成实名认证并绑定手机号；完成后可回到这里线上申请，也可以到窗口办理' }
  }
  return { verdict: 'online', policy, notices, materials, optionalMaterials: optionalMaterials(policy, input.reason), refund: reason.refund ?? policy.refundMethod, reviewDays: policy.reviewDays }
}
