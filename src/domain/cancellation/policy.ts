import type { CancelReason, MaterialKind } from './reasons'

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
  /** Promised review time, in working days. */
  reviewDays: number
  source: string
  /** ISO date the entry was last checked against its source. */
  checkedAt: string
}

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
  source: '《中华人民共和国社会保险法》第十四条；人社部令第13号《实施〈中华人民共和国社会保险法〉若干规定》；各地线上办理情况不一',
  checkedAt: '2026-11-24',
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
    source: '深圳市社会保险基金管理局办事指南「基本养老保险个人账户一次性支付」「终止养老保险关系」（据公开办事指南整理，以经办机构最新要求为准）',
    checkedAt: '2026-11-24',
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
    source: '广州市社会保险基金管理中心办事指南「个人账户一次性支付」（据公开办事指南整理，以经办机构最新要求为准）',
    checkedAt: '2026-11-24',
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
    source: '上海市社会保险事业管理中心办事指南「养老保险个人账户一次性支付」（据公开办事指南整理，以经办机构最新要求为准）',
    checkedAt: '2026-11-24',
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
    source: '北京市社会保险基金管理中心办事指南（据公开办事指南整理：终止养老保险关系需到窗口办理，以经办机构最新要求为准）',
    checkedAt: '2026-11-24',
  },
]

const BY_CITY = new Map(CITY_POLICIES.map((p) => [p.cityCode as string, p]))

/** The policy of a city, or the national default (then `isDefault` asks the page to show the 12333 notice). */
export function policyFor(cityCode: string): { policy: CancellationPolicy; isDefault: boolean } {
  const own = BY_CITY.get(cityCode)
  return own ? { policy: own, isDefault: false } : { policy: NATIONAL_DEFAULT, isDefault: true }
}
