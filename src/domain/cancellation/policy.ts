import { unverifiedBecause, type Evidence } from '../sources/source'
import type { CancelReason, MaterialKind } from './reasons'

export const POLICY_FACTS = ['online', 'onlineReasons', 'channel', 'offlineRoute', 'refundMethod', 'reviewDays'] as const
export type PolicyFact = (typeof POLICY_FACTS)[number]

/**
 * Regional policy for cancelling a social-security account, as data. Each city's handling office decides
 * whether it takes applications online, which extra proofs it wants and how long review takes. Entries
 * carry where they come from and when they were last checked; a city we have not recorded falls back to
 * the national default, which never promises online handling and asks the user to confirm with 12333.
 */
export interface CancellationPolicy {
  id: string
  /** GB/T 2260 city code; absent on the national default. */
  cityCode?: string
  regionName: string
  /** The office takes cancellation applications online. */
  online: boolean
  /** Reasons the office handles online (the rest go to a counter). */
  onlineReasons: readonly CancelReason[]
  /** Where the application is handled online. */
  channel?: string
  /** How to do it in person when it cannot be done online. */
  offlineRoute: string
  /** Proofs this office asks for on top of the national list. */
  extraMaterials: Partial<Record<CancelReason, readonly MaterialKind[]>>
  /** Proofs that help but are not required ("如有请一并上传"). */
  optionalMaterials: Partial<Record<CancelReason, readonly MaterialKind[]>>
  /** How the balance is paid out. */
  refundMethod: string
  /** Review time, in working days (reference only while unverified). */
  reviewDays: number
  /** The evidence for each value. */
  evidence: Readonly<Record<PolicyFact, Evidence>>
}

const NOT_FOUND = unverifiedBecause('未找到该市经办机构公布的办事指南原文（检索了该市“终止养老保险关系”“个人账户一次性支付”办事指南和人社局 gov.cn 页面；找到的官方指南只有缙云县、濉溪县、三里湾街道的重复参保退费）')
const ALL_UNVERIFIED: Record<PolicyFact, Evidence> = { online: NOT_FOUND, onlineReasons: NOT_FOUND, channel: NOT_FOUND, offlineRoute: NOT_FOUND, refundMethod: NOT_FOUND, reviewDays: NOT_FOUND }

const NATIONAL_NOTE = unverifiedBecause('没有全国统一的渠道、审核时限和退款方式，各地不同；找到的官方指南（缙云县、濉溪县）写到经办机构窗口办理')

const COUNTER = '携带下列材料原件，到参保地社保经办机构服务窗口办理；办理前可拨打 12333 确认材料和网点'

export const NATIONAL_DEFAULT: CancellationPolicy = {
  id: 'national',
  regionName: '全国通用',
  online: false,
  onlineReasons: [],
  offlineRoute: COUNTER,
  extraMaterials: {},
  optionalMaterials: {},
  refundMethod: '审核通过后，由社保经办机构将个人账户储存额转入申请人（身故的为继承人）本人名下的银行账户',
  reviewDays: 20,
  evidence: { online: NATIONAL_NOTE, onlineReasons: NATIONAL_NOTE, channel: NATIONAL_NOTE, offlineRoute: NATIONAL_NOTE, refundMethod: NATIONAL_NOTE, reviewDays: NATIONAL_NOTE },
}

export const CITY_POLICIES: readonly CancellationPolicy[] = [
  {
    id: 'shenzhen',
    cityCode: '440300',
    regionName: '深圳市',
    online: true,
    onlineReasons: ['nationality', 'death', 'duplicate', 'retire_short'],
    channel: '深圳市社会保险基金管理局网上服务平台（粤省事 / 广东政务服务网深圳站点）',
    offlineRoute: '携带材料原件到深圳市社会保险基金管理局任一分局或管理站窗口办理',
    extraMaterials: {},
    optionalMaterials: {},
    refundMethod: '审核通过后，个人账户储存额一次性转入申请人本人名下的银行借记卡',
    reviewDays: 15,
    evidence: ALL_UNVERIFIED,
  },
  {
    id: 'guangzhou',
    cityCode: '440100',
    regionName: '广州市',
    online: true,
    onlineReasons: ['nationality', 'death', 'duplicate', 'retire_short'],
    channel: '广州市人力资源和社会保障局网上办事大厅（粤省事）',
    offlineRoute: '携带材料原件到参保所在区的社会保险经办窗口办理',
    extraMaterials: {},
    optionalMaterials: {},
    refundMethod: '审核通过后，个人账户储存额转入申请人本人名下的银行账户',
    reviewDays: 20,
    evidence: ALL_UNVERIFIED,
  },
  {
    id: 'shanghai',
    cityCode: '310000',
    regionName: '上海市',
    online: true,
    onlineReasons: ['nationality', 'death', 'retire_short'],
    channel: '上海市“一网通办”社保服务',
    offlineRoute: '携带材料原件到任一区社保中心或街道（镇）社区事务受理服务中心办理；重复参保需到窗口核对',
    extraMaterials: {},
    optionalMaterials: {},
    refundMethod: '审核通过后，个人账户储存额转入申请人本人的社会保障卡银行账户或指定借记卡',
    reviewDays: 20,
    evidence: ALL_UNVERIFIED,
  },
  {
    id: 'beijing',
    cityCode: '110000',
    regionName: '北京市',
    online: false,
    onlineReasons: [],
    offlineRoute: '携带材料原件到参保所在区的社会保险经办机构窗口办理（北京目前需到现场核验）',
    extraMaterials: {},
    optionalMaterials: {},
    refundMethod: '审核通过后，个人账户储存额转入申请人本人名下的银行账户',
    reviewDays: 20,
    evidence: ALL_UNVERIFIED,
  },
]

const BY_CITY = new Map(CITY_POLICIES.map((p) => [p.cityCode as string, p]))

/** The policy of a city, or the national default (then `isDefault` asks the page to show the 12333 notice). */
export function policyFor(cityCode: string): { policy: CancellationPolicy; isDefault: boolean } {
  const own = BY_CITY.get(cityCode)
  return own ? { policy: own, isDefault: false } : { policy: NATIONAL_DEFAULT, isDefault: true }
}
