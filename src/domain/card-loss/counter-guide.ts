import { unverifiedBecause, type Evidence, type Source } from '../sources/source'
import { SOCIAL_SECURITY_HOTLINE } from '../services'

/**
 * What a 「到窗口办理」 answer owes the user so it is not a dead end: the route (what to do there), the materials, a
 * hotline and where to find the counter. Every part carries its evidence; an unverified part is shown as reference
 * (参考信息，请以当地社保部门为准), never as a promise.
 */
export interface CounterGuide {
  /** The entry of LOSS_POLICIES it belongs to, or `default` for every other region. */
  policyId: string
  route: string
  materials: readonly string[]
  /** Phone numbers to call, each with who answers. */
  hotlines: ReadonlyArray<{ label: string; number: string }>
  where: string
  evidence: Readonly<Record<'route' | 'materials' | 'hotlines' | 'where', Evidence>>
}

const CHECKED = '2026-12-02'

/** 东莞本地宝, 东莞社保卡挂失: the formal report at the issuing bank, with ID, and each bank's loss line. */
const DONGGUAN_LOSS: Omit<Source, 'quote'> = { url: 'http://m.dg.bendibao.com/dgzffw/131886.shtm', title: '东莞社保卡挂失指南', publishedOrChecked: CHECKED }
const DONGGUAN_REISSUE: Omit<Source, 'quote'> = { url: 'http://m.dg.bendibao.com/dgzffw/131907.shtm', title: '东莞社保卡补卡办理指南', publishedOrChecked: CHECKED }
const SHANTOU: Omit<Source, 'quote'> = { url: 'https://bkwk.cn/article/stsbdsbbglqjx.html', title: '汕头社保卡丢失补办指南', publishedOrChecked: CHECKED }
const HOTLINE_12333: Source = {
  url: 'https://sunlonger.com/shebao/1088840.html',
  title: '社保卡挂失与补办指南',
  quote: '| 深圳 | 12333 | www.12333.sz.gov.cn |',
  publishedOrChecked: CHECKED,
}

export const COUNTER_GUIDES: readonly CounterGuide[] = [
  {
    policyId: 'dongguan',
    route: '书面（正式）挂失和补卡都在发卡银行办理：先书面挂失，再在同一网点申请补卡、缴工本费，12 个工作日后凭身份证到受理网点领卡并激活',
    materials: ['本人身份证原件和复印件', '他人代办的，还需代办人身份证原件及复印件'],
    hotlines: [
      { label: '中国农业银行', number: '95599' },
      { label: '中国建设银行', number: '95533' },
      { label: '中国银行', number: '95566' },
      { label: '中国工商银行', number: '95588' },
      { label: '东莞银行', number: '956033' },
      { label: '东莞农村商业银行', number: '0769-961122' },
      { label: '中国邮政储蓄银行', number: '95580' },
    ],
    where: '卡面所示发卡银行在东莞市辖区内的任一网点',
    evidence: {
      route: {
        ...DONGGUAN_REISSUE,
        quote:
          '社保卡丢失,持卡人可凭本人身份证原件到其发卡银行我市辖区内的任一网点办理书面挂失,书面挂失后办理补卡手续。……1、到其发卡银行我市辖区内的任一网点提出补卡申请;\n\n2、受理补卡申请后,持卡人缴纳相应的社保卡工本费,并领取缴费凭据;\n\n3、银行网点受理后,12个工作日内完成制发卡;\n\n4、持卡人凭本人身份证原件到受理服务网点领卡,同时办理卡片激活手续。',
      },
      materials: { ...DONGGUAN_REISSUE, quote: '1、本人身份证原件和复印件\n\n2、托他人代为办理的,还需提供代办人身份证件原件及复印件' },
      hotlines: { ...DONGGUAN_LOSS, quote: '各发卡银行的社保卡挂失电话\n中国农业银行:95599\n中国建设银行:95533\n中国银行:95566\n中国工商银行:95588\n广发银行:400-830-8003\n东莞银行:956033\n东莞农村商业银行:0769-961122\n中国邮政储蓄银行:95580' },
      where: { ...DONGGUAN_LOSS, quote: '办理地点\n其发卡银行我市辖区内的任一网点' },
    },
  },
  {
    policyId: 'shantou',
    route: '电话预挂失后 3 个工作日内到网点办理正式书面挂失；补卡可在发卡银行网点或线上（广东人社 APP、粤省事）申请',
    materials: ['本人有效身份证件原件和复印件', '《汕头市社保卡申领登记表》', '二代证定点相馆半年内拍摄的合格数码相片回执'],
    hotlines: [{ label: '人社服务热线', number: SOCIAL_SECURITY_HOTLINE }],
    where: '社保卡服务网点或代理服务机构网点（卡面所示发卡银行网点）',
    evidence: {
      route: {
        ...SHANTOU,
        quote: '书面挂失:在电话预挂失后,您需要在3个工作日内到社保卡服务网点或代理服务机构网点办理正式书面挂失。……选择办理渠道:您可以选择以下任一渠道办理补办手续:社保卡发卡银行服务网点、广东人社APP、微信小程序粤省事',
      },
      materials: { ...SHANTOU, quote: '1. 本人有效身份证件原件和复印件\n  2. 填写《汕头市社保卡申领登记表(单位/个人)》\n  3. 提供我市二代证定点相馆半年内拍摄的合格数码相片回执' },
      hotlines: unverifiedBecause('汕头指南只写“拨打社保卡服务热线”，未写号码；12333 是全国人社服务热线'),
      where: { ...SHANTOU, quote: '书面挂失:在电话预挂失后,您需要在3个工作日内到社保卡服务网点或代理服务机构网点办理正式书面挂失。' },
    },
  },
  {
    policyId: 'shenzhen',
    route: '正式挂失的办理渠道未找到深圳的官方说明：请先拨打 12333 确认，或携带身份证到卡面所示发卡银行网点询问',
    materials: ['本人身份证原件'],
    hotlines: [{ label: '深圳人社服务热线', number: SOCIAL_SECURITY_HOTLINE }],
    where: '卡面所示发卡银行在深圳的网点',
    evidence: {
      route: unverifiedBecause('检索“深圳 社保卡 正式挂失 网点”，未找到深圳正式挂失渠道的来源'),
      materials: unverifiedBecause('未找到深圳正式挂失所需材料的来源'),
      hotlines: HOTLINE_12333,
      where: unverifiedBecause('未找到深圳正式挂失网点的来源'),
    },
  },
  {
    policyId: 'default',
    route: '到当地社保卡服务网点或卡面所示发卡银行网点办理；办理前可拨打 12333 确认渠道和材料',
    materials: ['本人身份证原件'],
    hotlines: [{ label: '人社服务热线', number: SOCIAL_SECURITY_HOTLINE }],
    where: '当地社保卡服务网点或卡面所示发卡银行网点',
    evidence: {
      route: unverifiedBecause('《社会保障卡管理办法》第十六条把挂失、补发程序交由各省、市规定，没有全国统一的窗口'),
      materials: unverifiedBecause('各地所需材料不同'),
      hotlines: unverifiedBecause('找到的指南列出北京、上海、广州、深圳的社保卡挂失热线都是 12333，未找到全国统一的官方说明'),
      where: unverifiedBecause('各地网点不同'),
    },
  },
]

/** The numbers each part states, for the sources check (a quote must contain them). */
export const COUNTER_GUIDE_NUMBERS: Readonly<Record<string, Partial<Record<keyof CounterGuide['evidence'], number[]>>>> = {
  dongguan: { route: [12] },
  shantou: { route: [3] },
}

/** The counter guide for a loss policy's region: its own, else the default (all reference). */
export function counterGuideFor(policyId: string): CounterGuide {
  return COUNTER_GUIDES.find((g) => g.policyId === policyId) ?? COUNTER_GUIDES.find((g) => g.policyId === 'default')!
}
