/**
 * What a social-security card does, and what each kind of loss report stops. A temporary (口头) report
 * freezes the card's social-security uses; the bank account on the card is frozen only by a formal report
 * (or by calling the bank). A formal (正式) report suspends every function until the report is lifted or a
 * new card is issued.
 */
export const CARD_FUNCTIONS = ['medical', 'identity', 'benefits', 'finance'] as const
export type CardFunction = (typeof CARD_FUNCTIONS)[number]

export const CARD_FUNCTION_LABELS: Readonly<Record<CardFunction, { title: string; detail: string }>> = {
  medical: { title: '医保就医结算', detail: '医院、药店刷卡结算' },
  identity: { title: '身份凭证', detail: '人社业务办理、自助终端查询' },
  benefits: { title: '待遇领取', detail: '养老金、失业金等发放到卡' },
  finance: { title: '金融功能（银行账户）', detail: '存取款、转账、消费' },
}

export type ReportKind = 'temporary' | 'formal'

export const FROZEN_BY: Readonly<Record<ReportKind, readonly CardFunction[]>> = {
  temporary: ['medical', 'identity', 'benefits'],
  formal: ['medical', 'identity', 'benefits', 'finance'],
}

/** The functions frozen while a case is in a state (none once lifted, expired or replaced). */
export function frozenFunctions(kind: ReportKind | null): { frozen: CardFunction[]; working: CardFunction[] } {
  const frozen = kind ? [...FROZEN_BY[kind]] : []
  return { frozen, working: CARD_FUNCTIONS.filter((f) => !frozen.includes(f)) }
}

/** Loss report vs cancellation, side by side (the explainer page). */
export const LOSS_VS_CANCELLATION = {
  loss: {
    title: '挂失',
    when: '卡丢了、被盗了，或一时找不到',
    frozen: '临时挂失冻结社保功能；正式挂失冻结全部功能（含银行账户）',
    balance: '余额和个人账户都不变，补卡后继续使用',
    after: '找到了可以解除挂失；找不到就在正式挂失后补办新卡',
  },
  cancellation: {
    title: '注销',
    when: '丧失中国国籍、身故、重复参保等，按规定终止养老保险关系',
    frozen: '卡和账户永久停止使用，不能恢复',
    balance: '个人账户余额按规定一次性退还或由继承人继承',
    after: '注销后不能补卡；以后再参保需重新办理',
  },
} as const
