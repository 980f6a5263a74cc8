import type { Evidence, Source } from '../sources/source'
import { unverifiedBecause } from '../sources/source'

/**
 * Where a user may act for a family profile (常用办理人), and where the rules ask for the person themselves. Each line
 * carries what we found; a service without a source for acting on someone's behalf is marked unverified.
 */
export type ActingService = 'receipt' | 'cancellation' | 'card_loss_temporary' | 'card_loss_formal'

export interface ActingRule {
  /** True when a case of this service may be made for a profile in Huizhi. */
  allowed: boolean
  /** What the user is told when it is not allowed, or what to bring when it is. */
  note: string
  evidence: Evidence
}

const CHECKED = '2026-12-02'

/** 上海市社会保障卡服务中心, 社会保障卡持卡人须知 (962222.net): 代办 with a written authorisation; minors by their legal representative. */
const SHANGHAI_HOLDER_NOTICE: Source = {
  url: 'http://www.962222.net/htmlnews/20100901/938.htm',
  title: '社会保障卡持卡人须知（上海市社会保障卡服务中心）',
  quote:
    '①本人在办理书面挂失、补卡业务时,须出具本人的居民身份证。他人代办时,须出具委托人的居民身份证以及被委托人的居民身份证,并提交由委托人签名或盖章的书面委托书。',
  publishedOrChecked: '2010-09-01',
}

/** 江苏省社会保障卡业务经办规程 第十八条, as quoted in card-loss.policy.ts: online formal reports are the holder's own. */
const JIANGSU_FORMAL_SELF: Source = {
  url: 'http://www.jszwfw.gov.cn/jszwfw/publicservice/itemlist/showDetail.do?webId=320813&iddept_yw_inf=11320829014341463H432201432500201&ql_kind=20&iddept_ql_inf=11320829014341463H4322014325002',
  title: '遗失社会保障卡补换卡（江苏政务服务网 · 淮安市洪泽区人力资源和社会保障局）',
  quote: '第十八条 正式挂失。持卡人本人可通过线上或线下服务渠道办理正式挂失。',
  publishedOrChecked: CHECKED,
}

export const ACTING_FOR: Readonly<Record<ActingService, ActingRule>> = {
  receipt: {
    allowed: true,
    note: '照片回执可以为家人办理：申请人填写被拍照的人，联系电话可填监护人或家属的手机号',
    evidence: unverifiedBecause('未找到回执服务商或检测中心关于代他人办理的规定；回执只核对照片与申请人身份信息'),
  },
  cancellation: {
    allowed: true,
    note: '注销申请可以为家人准备：参保人填写被注销账户的人；身故注销由继承人申请，按页面要求上传委托书或继承证明',
    evidence: unverifiedBecause('只找到珠海社保卡注销的“他人代办”说明（社保卡注销，而非养老保险账户注销），各地经办机构以其规定为准'),
  },
  card_loss_temporary: {
    allowed: true,
    note: '临时挂失可以为家人办理，及时冻结卡片；正式挂失和补卡需持卡人本人核验身份，或带委托书到服务网点',
    evidence: SHANGHAI_HOLDER_NOTICE,
  },
  card_loss_formal: {
    allowed: false,
    note: '正式挂失需持卡人本人线上核验身份；代他人办理请带持卡人身份证、本人身份证和委托书到服务网点，未成年人由法定代理人带监护关系证明办理',
    evidence: JIANGSU_FORMAL_SELF,
  },
}
