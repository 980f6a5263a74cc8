/**
 * Regional rules for card loss reports and reissue, as data. Each entry says where it comes from and when it
 * was checked; a city not listed falls back to its province's entry, then to the national default.
 */
export interface LossPolicy {
  id: string
  /** GB/T 2260 code of the city or province the entry covers; absent on the national default. */
  regionCode?: string
  regionName: string
  /** Days a temporary (口头) report holds before it lapses and the card works again. */
  temporaryDays: number
  /** A formal report can be made online with identity verification (else at a counter). */
  formalOnline: boolean
  /** A reissue can be applied for online here. */
  reissueOnline: boolean
  /** Why not, when `reissueOnline` is false. */
  reissueOfflineNote?: string
  /** Reissue fee in fen (工本费); 0 where the region waives it. */
  reissueFeeFen: number
  delivery: ReadonlyArray<'pickup' | 'mail'>
  /** Postage for mail delivery, in fen, paid on delivery by the user (shown up front). */
  mailFeeFen: number
  /** Working days from approval to the card being made. */
  makeDays: number
  source: string
  checkedAt: string
}

export const NATIONAL_LOSS_DEFAULT: LossPolicy = {
  id: 'national',
  regionName: '全国通用',
  temporaryDays: 5,
  formalOnline: true,
  reissueOnline: true,
  reissueFeeFen: 0,
  delivery: ['pickup'],
  mailFeeFen: 0,
  makeDays: 10,
  source: '《社会保障卡管理办法》及各地办事指南：临时挂失一般有效 5 天，逾期未正式挂失自动解除；补卡费用各地不同，多数地区已免收工本费（以当地规定为准，可拨打 12333 确认）',
  checkedAt: '2026-11-24',
}

export const LOSS_POLICIES: readonly LossPolicy[] = [
  {
    id: 'guangdong',
    regionCode: '440000',
    regionName: '广东省',
    temporaryDays: 5,
    formalOnline: true,
    reissueOnline: true,
    reissueFeeFen: 0,
    delivery: ['pickup', 'mail'],
    mailFeeFen: 1200,
    makeDays: 7,
    source: '广东省人力资源和社会保障厅「社会保障卡补换卡」办事指南（粤省事 / 广东政务服务网；据公开资料整理，以经办机构最新要求为准）',
    checkedAt: '2026-11-24',
  },
  {
    id: 'shenzhen',
    regionCode: '440300',
    regionName: '深圳市',
    temporaryDays: 5,
    formalOnline: true,
    reissueOnline: false,
    reissueOfflineNote: '广东省的线上补卡服务不办理深圳社保卡：深圳社保卡请通过深圳市社保卡服务渠道或到服务网点办理',
    reissueFeeFen: 0,
    delivery: ['pickup'],
    mailFeeFen: 0,
    makeDays: 7,
    source: '广东省社会保障卡补换卡说明（深圳、东莞社保卡不在省级线上服务范围）；深圳市社会保险基金管理局社保卡业务指南（据公开资料整理，以经办机构最新要求为准）',
    checkedAt: '2026-11-24',
  },
  {
    id: 'dongguan',
    regionCode: '441900',
    regionName: '东莞市',
    temporaryDays: 5,
    formalOnline: true,
    reissueOnline: false,
    reissueOfflineNote: '广东省的线上补卡服务不办理东莞社保卡：请到东莞市社保卡服务网点或合作银行网点办理',
    reissueFeeFen: 0,
    delivery: ['pickup'],
    mailFeeFen: 0,
    makeDays: 7,
    source: '广东省社会保障卡补换卡说明（深圳、东莞社保卡不在省级线上服务范围；据公开资料整理，以经办机构最新要求为准）',
    checkedAt: '2026-11-24',
  },
  {
    id: 'beijing',
    regionCode: '110000',
    regionName: '北京市',
    temporaryDays: 5,
    formalOnline: true,
    reissueOnline: true,
    reissueFeeFen: 0,
    delivery: ['pickup', 'mail'],
    mailFeeFen: 0,
    makeDays: 10,
    source: '北京市人力资源和社会保障局社会保障卡服务指南（据公开资料整理，以经办机构最新要求为准）',
    checkedAt: '2026-11-24',
  },
  {
    id: 'shanghai',
    regionCode: '310000',
    regionName: '上海市',
    temporaryDays: 7,
    formalOnline: false,
    reissueOnline: true,
    reissueFeeFen: 2000,
    delivery: ['pickup', 'mail'],
    mailFeeFen: 0,
    makeDays: 10,
    source: '上海市社会保障卡服务中心挂失补卡指南（正式挂失需到受理点；据公开资料整理，以经办机构最新要求为准）',
    checkedAt: '2026-11-24',
  },
]

/** The entry for a city: its own, else its province's, else the national default (`isDefault`: show the 12333 notice). */
export function lossPolicyFor(cityCode: string): { policy: LossPolicy; isDefault: boolean } {
  const own = LOSS_POLICIES.find((p) => p.regionCode === cityCode)
  if (own) return { policy: own, isDefault: false }
  const province = LOSS_POLICIES.find((p) => p.regionCode === `${cityCode.slice(0, 2)}0000`)
  if (province) return { policy: province, isDefault: false }
  return { policy: NATIONAL_LOSS_DEFAULT, isDefault: true }
}
