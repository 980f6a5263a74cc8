import { isSourced, unverifiedBecause, type Evidence, type Source } from '../sources/source'

/**
 * Regional rules for card loss reports and reissue, as data. Every value carries its evidence (a source with the
 * sentence that states it, or `unverified`); a city not listed falls back to its province's entry, then to the
 * national default. 《社会保障卡管理办法》 sets no loss period: its 第十六条 leaves 挂失、补发程序 to the provincial
 * and city 人社 departments, so local periods differ (5, 10, 15 days in the notices found).
 */
export const LOSS_FACTS = ['temporaryDays', 'formalOnline', 'reissueOnline', 'reissueFeeFen', 'delivery', 'mailFeeFen', 'makeDays'] as const
export type LossFact = (typeof LOSS_FACTS)[number]

export interface LossPolicy {
  id: string
  /** GB/T 2260 code of the city or province the entry covers; absent on the national default. */
  regionCode?: string
  regionName: string
  /** Days a temporary (口头) report holds before it lapses and the card works again. */
  temporaryDays: number
  /** A formal report can be made online with identity verification (else at a counter or the bank). */
  formalOnline: boolean
  /** A reissue can be applied for online here. */
  reissueOnline: boolean
  /** Why not, when `reissueOnline` is false. */
  reissueOfflineNote?: string
  /** Reissue fee in fen (工本费); null when a fee is charged but the notice gives no amount. */
  reissueFeeFen: number | null
  delivery: ReadonlyArray<'pickup' | 'mail'>
  /** Postage for mail delivery, in fen, paid on delivery by the user (shown up front). */
  mailFeeFen: number
  /** Working days from the application to the card being made. */
  makeDays: number
  /** The evidence for each value. */
  evidence: Readonly<Record<LossFact, Evidence>>
}

const CHECKED = '2026-12-02'
const PROVINCIAL_NOTE = '只找到本省个别城市的办事指南，未找到全省统一规定'

/** 《社会保障卡管理办法》第十六条, as quoted by a city guide: loss procedures are set locally. */
export const LOSS_RULES_ARE_LOCAL: Source = {
  url: 'https://www.xiaoshebao.com/a/64869138c461335ad8017484.html',
  title: '淄博市社会保障卡补领法律依据是什么',
  quote: '经批准发行社会保障卡的省级、地市级人力资源社会保障部门应制定明确的社会保障卡应用管理规程……(四)社会保障卡损坏、遗失后的挂失、补发程序;',
  publishedOrChecked: CHECKED,
}

const LOCAL_ONLY = unverifiedBecause('《社会保障卡管理办法》未规定全国统一的挂失期限和补卡规则，由各省、市规定')

export const NATIONAL_LOSS_DEFAULT: LossPolicy = {
  id: 'national',
  regionName: '全国通用',
  temporaryDays: 5,
  formalOnline: true,
  reissueOnline: true,
  reissueFeeFen: null,
  delivery: ['pickup'],
  mailFeeFen: 0,
  makeDays: 30,
  evidence: {
    temporaryDays: LOCAL_ONLY,
    formalOnline: LOCAL_ONLY,
    reissueOnline: LOCAL_ONLY,
    reissueFeeFen: LOCAL_ONLY,
    delivery: LOCAL_ONLY,
    mailFeeFen: LOCAL_ONLY,
    makeDays: LOCAL_ONLY,
  },
}

const BEIJING_ONLINE: Source = {
  url: 'http://huangjinjiage.cn/hot/202207/1530657.html',
  title: '北京社会保障卡正式挂失与补卡',
  quote: '北京参保人员社会保障卡遗失后确定无法找回的,可办理社会保障卡正式挂失与补卡。可以通过北京市社会保险网上服务平台办理或者通过“北京市人力社保局官方APP”或微信公众号办理。',
  publishedOrChecked: '2022-07-01',
}
const BEIJING_FEE: Source = {
  url: 'http://pavb.cn/enabc',
  title: '北京社保卡补换卡流程',
  quote: '第一步:登录北京市社会保险网上服务平台,选择“申报业务管理”-“社会保障卡补换卡或卡申领”……第二步:确认参保登记信息,选择领卡方式(网点自取或快递)……第三步:确认个人信息和网点信息,支付制卡工本费20元',
  publishedOrChecked: CHECKED,
}
const BEIJING_GUIDE = 'http://www.banzhengshi.com/shebao/135.html'

const GUANGZHOU_ONLINE: Source = {
  url: 'https://m.jiusongjiankang.com/health/news/6119384.html',
  title: '广州医保卡更换社保卡',
  quote: '线上:通过“穗好办”APP或广东政务服务网提交申请,同步缴纳20元工本费。……线上申请制卡需12个工作日,缴费后不可撤销',
  publishedOrChecked: CHECKED,
}

const DONGGUAN_GUIDE = 'http://m.dg.bendibao.com/dgzffw/131907.shtm'
const DONGGUAN_TITLE = '东莞社保卡补卡办理指南'

const SHENZHEN_GUIDE = 'https://5060.cn/jinrong/d43837618def.html'
const SHENZHEN_TITLE = '深圳市社保卡网上办理流程'

/** 上海 new-version cards (新版社保卡): the 社会保障功能 temporary report lapses after 5 days, as the city's rules are republished. */
const SHANGHAI_TEMPORARY: Source = {
  url: 'http://pyt3.net/html/shnews/shanghaishebao/34784.html',
  title: '上海社保卡丢了怎么办?挂失/补办攻略来啦!',
  quote: '新版社保卡已开通社会保障功能的,持卡人可以通过服务热线临时挂失社会保障卡,暂停其社会保障功能。社会保障功能临时挂失的有效期为5日,超过有效期后自动解除挂失。',
  publishedOrChecked: '2023-02-06',
}

/** 江苏政务服务网, 遗失社会保障卡补换卡 as 淮安市洪泽区人力资源和社会保障局 publishes it, citing the provincial 经办规程. */
const JIANGSU_HONGZE_GUIDE = 'http://www.jszwfw.gov.cn/jszwfw/publicservice/itemlist/showDetail.do?webId=320813&iddept_yw_inf=11320829014341463H432201432500201&ql_kind=20&iddept_ql_inf=11320829014341463H4322014325002'
const JIANGSU_HONGZE_TITLE = '遗失社会保障卡补换卡（江苏政务服务网 · 淮安市洪泽区人力资源和社会保障局）'
const JIANGSU_FORMAL: Source = {
  url: JIANGSU_HONGZE_GUIDE,
  title: JIANGSU_HONGZE_TITLE,
  quote: '省人力资源社会保障厅关于印发江苏省社会保障卡业务经办规程(试行)的通知 ,苏人社发〔2020〕150号,第十八条 正式挂失。持卡人本人可通过线上或线下服务渠道办理正式挂失。',
  publishedOrChecked: CHECKED,
}
const JIANGSU_NOTE = '只找到江苏省经办规程第十八条（正式挂失可线上或线下办理）和淮安市洪泽区的补换卡指南，未找到全省统一的临时挂失期限、工本费和制卡时间'

const SHANTOU_GUIDE = 'https://bkwk.cn/article/stsbdsbbglqjx.html'
const SHANTOU_TITLE = '汕头社保卡丢失补办指南'

export const LOSS_POLICIES: readonly LossPolicy[] = [
  {
    id: 'jiangsu',
    regionCode: '320000',
    regionName: '江苏省',
    temporaryDays: 5,
    formalOnline: true,
    reissueOnline: true,
    reissueFeeFen: null,
    delivery: ['pickup'],
    mailFeeFen: 0,
    makeDays: 30,
    evidence: {
      temporaryDays: unverifiedBecause(JIANGSU_NOTE),
      formalOnline: JIANGSU_FORMAL,
      reissueOnline: unverifiedBecause(JIANGSU_NOTE),
      reissueFeeFen: unverifiedBecause(`${JIANGSU_NOTE}；淮安市洪泽区写“不收费”`),
      delivery: unverifiedBecause(JIANGSU_NOTE),
      mailFeeFen: unverifiedBecause(JIANGSU_NOTE),
      makeDays: unverifiedBecause(`${JIANGSU_NOTE}；淮安市洪泽区补换卡为即办件`),
    },
  },
  {
    /** 淮安: the 洪泽区 guide on 江苏政务服务网 (补换卡 online or at the counter, free, done within 1 working day). */
    id: 'huaian',
    regionCode: '320800',
    regionName: '淮安市',
    temporaryDays: 5,
    formalOnline: true,
    reissueOnline: true,
    reissueFeeFen: 0,
    delivery: ['pickup'],
    mailFeeFen: 0,
    makeDays: 1,
    evidence: {
      temporaryDays: unverifiedBecause('洪泽区指南未写临时挂失期限'),
      formalOnline: JIANGSU_FORMAL,
      reissueOnline: { url: JIANGSU_HONGZE_GUIDE, title: JIANGSU_HONGZE_TITLE, quote: '| 行使层级 | 县级 | 办理形式 | 窗口办理,网上办理 |', publishedOrChecked: CHECKED },
      reissueFeeFen: { url: JIANGSU_HONGZE_GUIDE, title: JIANGSU_HONGZE_TITLE, quote: '| 法定办结时限 | 1个工作日 | 承诺办结时限 | 1个工作日 |\n不收费', publishedOrChecked: CHECKED },
      delivery: unverifiedBecause('洪泽区指南未写领卡方式'),
      mailFeeFen: unverifiedBecause('洪泽区指南未写邮寄'),
      makeDays: { url: JIANGSU_HONGZE_GUIDE, title: JIANGSU_HONGZE_TITLE, quote: '| 办件类型 | 即办件 | ||\n| 法定办结时限 | 1个工作日 | 承诺办结时限 | 1个工作日 |', publishedOrChecked: CHECKED },
    },
  },
  {
    id: 'guangdong',
    regionCode: '440000',
    regionName: '广东省',
    temporaryDays: 5,
    formalOnline: true,
    reissueOnline: true,
    reissueFeeFen: null,
    delivery: ['pickup', 'mail'],
    mailFeeFen: 0,
    makeDays: 30,
    evidence: {
      temporaryDays: unverifiedBecause(PROVINCIAL_NOTE),
      formalOnline: unverifiedBecause(PROVINCIAL_NOTE),
      reissueOnline: unverifiedBecause(PROVINCIAL_NOTE),
      reissueFeeFen: unverifiedBecause(`${PROVINCIAL_NOTE}；广州市、东莞市的通知均收取工本费`),
      delivery: unverifiedBecause(PROVINCIAL_NOTE),
      mailFeeFen: unverifiedBecause('汕头市指南写“邮寄到付”，未写金额'),
      makeDays: unverifiedBecause(`${PROVINCIAL_NOTE}；东莞 12 个工作日，汕头约 30 个工作日`),
    },
  },
  {
    id: 'guangzhou',
    regionCode: '440100',
    regionName: '广州市',
    temporaryDays: 5,
    formalOnline: true,
    reissueOnline: true,
    reissueFeeFen: 2000,
    delivery: ['pickup', 'mail'],
    mailFeeFen: 0,
    makeDays: 12,
    evidence: {
      temporaryDays: unverifiedBecause('检索“广州 社保卡 临时挂失 有效期 自动解挂”：找到的广州指南只写电话、网上、现场挂失的渠道，未写临时挂失期限'),
      formalOnline: unverifiedBecause('广州的服务指南写可在“粤省事”“穗好办”“广东人社”网上挂失解挂，未写是临时还是正式挂失'),
      reissueOnline: GUANGZHOU_ONLINE,
      reissueFeeFen: {
        url: 'http://m.gyyunzhan.com/SheBaoZhengCe/641497.html',
        title: '广州社保卡挂失补办（高考升学网转载）',
        quote: '辦理電話掛失手續後,或辦理書面掛失手續的同時,持卡人可憑本人有效身份證件原件到指定銀行代理服務網點或廣州市電子政務中心各區(縣級市)服務分中心辦理補卡手續,並按照每卡20元繳納工本費。',
        publishedOrChecked: CHECKED,
      },
      delivery: unverifiedBecause('检索广州社保卡补卡领卡方式，未找到写明邮寄或网点领取的来源'),
      mailFeeFen: unverifiedBecause('未找到广州邮寄新卡的费用'),
      makeDays: GUANGZHOU_ONLINE,
    },
  },
  {
    id: 'shenzhen',
    regionCode: '440300',
    regionName: '深圳市',
    temporaryDays: 5,
    formalOnline: true,
    reissueOnline: true,
    reissueFeeFen: null,
    delivery: ['pickup', 'mail'],
    mailFeeFen: 0,
    makeDays: 15,
    evidence: {
      temporaryDays: unverifiedBecause('检索“深圳 社保卡 临时挂失 有效期”，未找到写深圳期限的来源'),
      formalOnline: unverifiedBecause('未找到深圳正式挂失渠道的来源（深圳市社保卡网上办理流程只写补卡）'),
      reissueOnline: {
        url: SHENZHEN_GUIDE,
        title: SHENZHEN_TITLE,
        quote: '3、社保卡遗失后如何补办?登录个人网上服务系统,进入“社保卡管理”模块,选择“申请办理社保卡”,按照页面提示操作',
        publishedOrChecked: CHECKED,
      },
      reissueFeeFen: unverifiedBecause('检索“深圳 社保卡 补卡 工本费”，未找到写深圳金额的来源'),
      delivery: { url: SHENZHEN_GUIDE, title: SHENZHEN_TITLE, quote: '制卡完成后,系统会发送短信通知您领取社保卡,您可以选择邮寄到家或到指定网点领取。', publishedOrChecked: CHECKED },
      mailFeeFen: unverifiedBecause('未找到深圳邮寄新卡的费用'),
      makeDays: { url: SHENZHEN_GUIDE, title: SHENZHEN_TITLE, quote: '一般情况下,从提交申请到制卡完成,大约需要15个工作日,邮寄到家的时间根据快递公司配送速度而定。', publishedOrChecked: CHECKED },
    },
  },
  {
    id: 'shantou',
    regionCode: '440500',
    regionName: '汕头市',
    temporaryDays: 3,
    formalOnline: false,
    reissueOnline: true,
    reissueFeeFen: null,
    delivery: ['pickup', 'mail'],
    mailFeeFen: 0,
    makeDays: 30,
    evidence: {
      temporaryDays: unverifiedBecause('指南写“在电话预挂失后,您需要在3个工作日内……办理正式书面挂失”，未写逾期是否自动解挂'),
      formalOnline: { url: SHANTOU_GUIDE, title: SHANTOU_TITLE, quote: '书面挂失:在电话预挂失后,您需要在3个工作日内到社保卡服务网点或代理服务机构网点办理正式书面挂失。', publishedOrChecked: CHECKED },
      reissueOnline: { url: SHANTOU_GUIDE, title: SHANTOU_TITLE, quote: '选择办理渠道:您可以选择以下任一渠道办理补办手续:社保卡发卡银行服务网点、广东人社APP、微信小程序粤省事', publishedOrChecked: CHECKED },
      reissueFeeFen: unverifiedBecause('汕头指南写按领卡方式“支付相应费用”，未写工本费金额'),
      delivery: { url: SHANTOU_GUIDE, title: SHANTOU_TITLE, quote: '缴费:根据所选领卡方式,选择邮寄到付或网点领卡,并支付相应费用。', publishedOrChecked: CHECKED },
      mailFeeFen: unverifiedBecause('邮寄到付，指南未写金额'),
      makeDays: { url: SHANTOU_GUIDE, title: SHANTOU_TITLE, quote: '等待制卡:提交申请后,社保卡制作需要一定时间,通常为30个工作日。', publishedOrChecked: CHECKED },
    },
  },
  {
    id: 'dongguan',
    regionCode: '441900',
    regionName: '东莞市',
    temporaryDays: 5,
    formalOnline: false,
    reissueOnline: false,
    reissueOfflineNote: '东莞社保卡的书面挂失和补卡都在发卡银行的东莞网点办理：请带本人身份证原件和复印件到发卡银行任一网点',
    reissueFeeFen: null,
    delivery: ['pickup'],
    mailFeeFen: 0,
    makeDays: 12,
    evidence: {
      temporaryDays: {
        url: 'http://affluentharvest.com/SheBaoZhengCe/716525.html',
        title: '2018年东莞社保卡补办流程材料',
        quote: '持卡人可通过发卡银行服务电话或网上银行等多种渠道办理,自发卡银行受理口头挂失之日起5个自然日内尽快办理书面挂失手续,否则口头挂失将自动失效,卡恢复使用。',
        publishedOrChecked: '2018-01-01',
      },
      formalOnline: { url: DONGGUAN_GUIDE, title: DONGGUAN_TITLE, quote: '社保卡丢失,持卡人可凭本人身份证原件到其发卡银行我市辖区内的任一网点办理书面挂失,书面挂失后办理补卡手续。', publishedOrChecked: CHECKED },
      reissueOnline: { url: DONGGUAN_GUIDE, title: DONGGUAN_TITLE, quote: '1、到其发卡银行我市辖区内的任一网点提出补卡申请;', publishedOrChecked: CHECKED },
      reissueFeeFen: { url: DONGGUAN_GUIDE, title: DONGGUAN_TITLE, quote: '2、受理补卡申请后,持卡人缴纳相应的社保卡工本费,并领取缴费凭据;', publishedOrChecked: CHECKED },
      delivery: { url: DONGGUAN_GUIDE, title: DONGGUAN_TITLE, quote: '4、持卡人凭本人身份证原件到受理服务网点领卡,同时办理卡片激活手续。', publishedOrChecked: CHECKED },
      mailFeeFen: unverifiedBecause('东莞只在网点领卡'),
      makeDays: { url: DONGGUAN_GUIDE, title: DONGGUAN_TITLE, quote: '3、银行网点受理后,12个工作日内完成制发卡;', publishedOrChecked: CHECKED },
    },
  },
  {
    id: 'beijing',
    regionCode: '110000',
    regionName: '北京市',
    temporaryDays: 10,
    formalOnline: true,
    reissueOnline: true,
    reissueFeeFen: 2000,
    delivery: ['pickup', 'mail'],
    mailFeeFen: 0,
    makeDays: 15,
    evidence: {
      temporaryDays: {
        url: BEIJING_GUIDE,
        title: '北京社保卡挂失、补办指南',
        quote: '特别提示:如果在预挂失后找回原卡,如不急需看病就医则不需撤销挂失,预挂失10 天后自然解挂,社保卡恢复正常使用',
        publishedOrChecked: CHECKED,
      },
      formalOnline: BEIJING_ONLINE,
      reissueOnline: BEIJING_ONLINE,
      reissueFeeFen: BEIJING_FEE,
      delivery: BEIJING_FEE,
      mailFeeFen: unverifiedBecause('指南写可选快递，未写邮费'),
      makeDays: {
        url: BEIJING_GUIDE,
        title: '北京社保卡挂失、补办指南',
        quote: '15个工作日后,补卡人持本人的身份证和《领卡证明》到社保卡服务网点领取新卡。',
        publishedOrChecked: CHECKED,
      },
    },
  },
  {
    id: 'shanghai',
    regionCode: '310000',
    regionName: '上海市',
    temporaryDays: 5,
    formalOnline: false,
    reissueOnline: true,
    reissueFeeFen: 2500,
    delivery: ['pickup', 'mail'],
    mailFeeFen: 0,
    makeDays: 30,
    evidence: {
      temporaryDays: SHANGHAI_TEMPORARY,
      formalOnline: unverifiedBecause('上海新版社保卡规则写“也可以持有效身份证件在社区受理网点正式挂失”，未写能否线上正式挂失'),
      reissueOnline: {
        url: 'https://m.ganxl168.cn/archives/202.html',
        title: '上海社保卡(新版)申领、补办、功能激活最全指南',
        quote: '线上:"随申办"→"社保卡补换"→支付25元工本费',
        publishedOrChecked: CHECKED,
      },
      reissueFeeFen: {
        url: 'https://m.ganxl168.cn/archives/202.html',
        title: '上海社保卡(新版)申领、补办、功能激活最全指南',
        quote: '线上:"随申办"→"社保卡补换"→支付25元工本费',
        publishedOrChecked: CHECKED,
      },
      delivery: unverifiedBecause('只找到首次申领线上办理“3个工作日内邮寄到家”，未找到补卡的领卡方式'),
      mailFeeFen: unverifiedBecause('未找到上海邮寄新卡的费用'),
      makeDays: unverifiedBecause('未找到上海补卡制卡时间的来源'),
    },
  },
]

/** The facts of an entry that no source states: shown as reference only, never as a promise. */
export function unverifiedFacts(policy: LossPolicy): LossFact[] {
  return LOSS_FACTS.filter((f) => !isSourced(policy.evidence[f]))
}

/** A formal report goes to a counter only where a source says so; an unverified "offline" is reference and never blocks. */
export function formalOffline(policy: LossPolicy): boolean {
  return !policy.formalOnline && isSourced(policy.evidence.formalOnline)
}

/** A reissue goes to a counter only where a source says so; an unverified "offline" never blocks. */
export function reissueOffline(policy: LossPolicy): boolean {
  return !policy.reissueOnline && isSourced(policy.evidence.reissueOnline)
}

/** The fee as the sources state it: an amount, a fee without a published amount, or 以当地规定为准. */
export function feeLabel(policy: LossPolicy): string {
  if (!isSourced(policy.evidence.reissueFeeFen)) return '工本费以当地规定为准'
  if (policy.reissueFeeFen === null) return '收取工本费（金额以发卡银行公示为准）'
  return policy.reissueFeeFen ? `工本费 ¥${(policy.reissueFeeFen / 100).toFixed(2)}` : '免工本费'
}

/** The entry for a city: its own, else its province's, else the national default (`isDefault`: show the 12333 notice). */
export function lossPolicyFor(cityCode: string): { policy: LossPolicy; isDefault: boolean } {
  const own = LOSS_POLICIES.find((p) => p.regionCode === cityCode)
  if (own) return { policy: own, isDefault: false }
  const province = LOSS_POLICIES.find((p) => p.regionCode === `${cityCode.slice(0, 2)}0000`)
  if (province) return { policy: province, isDefault: false }
  return { policy: NATIONAL_LOSS_DEFAULT, isDefault: true }
}

/** A reissue can be applied for online in this city, and a source says so: only then does a receipt page offer 「用于补办社保卡」. */
export function reissueOnlineSourced(cityCode: string): boolean {
  const { policy } = lossPolicyFor(cityCode)
  return policy.reissueOnline && isSourced(policy.evidence.reissueOnline)
}
