/**
 * Why people cancel a social-security account, and the proof each reason needs. A mini-program cannot
 * cancel an account itself: it prepares a complete application for the handling office (社保经办机构)
 * and tracks it. The legal basis for the refund of the personal pension account (个人账户储存额) is
 * 《中华人民共和国社会保险法》第十四条 (a balance is inherited on death) and 人社部令第13号《实施〈中华人民共和国
 * 社会保险法〉若干规定》(lump-sum payment on reaching retirement age with under 15 years of contributions,
 * and on losing Chinese nationality).
 */
export const CANCEL_REASONS = ['abroad', 'death', 'duplicate', 'retire_short', 'leave', 'transfer_out'] as const
export type CancelReason = (typeof CANCEL_REASONS)[number]

export interface ReasonInfo {
  title: string
  /** One line under the title in the wizard. */
  hint: string
  /** False when the reason never leads to a cancellation: the wizard explains what to do instead. */
  cancellable: boolean
  /** Why not, and what to do instead (only for reasons that are not cancellable). */
  instead?: string
  /** Where the balance goes when the application is approved. */
  refund?: string
}

export const REASONS: Readonly<Record<CancelReason, ReasonInfo>> = {
  abroad: {
    title: '出国（境）定居或加入外国国籍',
    hint: '已在国外定居，或已取得外国国籍、放弃中国国籍',
    cancellable: true,
    refund: '个人账户储存额一次性退还到本人银行账户',
  },
  death: {
    title: '参保人身故',
    hint: '由继承人或受益人代为申请',
    cancellable: true,
    refund: '个人账户余额依法由继承人继承，退到继承人的银行账户；符合条件的还可申领丧葬补助金和抚恤金',
  },
  duplicate: {
    title: '重复参保（两地或多个账户）',
    hint: '同一时期在两个地方或以两个账户缴费',
    cancellable: true,
    refund: '注销重复的账户，重复缴纳的个人部分退还到本人银行账户',
  },
  retire_short: {
    title: '已到退休年龄，累计缴费不满 15 年',
    hint: '不再延长缴费，也不转入城乡居民养老保险',
    cancellable: true,
    refund: '书面申请终止养老保险关系后，个人账户储存额一次性支付给本人',
  },
  leave: {
    title: '离职或不再缴费',
    hint: '辞职、失业、自由职业，暂时不交社保',
    cancellable: false,
    instead: '离职或停缴不能注销社保账号，也不能退钱：账户会保留，个人账户继续计息，已缴年限累计有效。以后在新单位或新城市参保时，办理转移接续即可。',
  },
  transfer_out: {
    title: '到外省工作，账户要转走',
    hint: '换城市、换省份参保',
    cancellable: false,
    instead: '换地方参保应办理社保关系转移接续（可在国家社会保险公共服务平台或新参保地申请），不需要注销，注销反而会中断缴费年限。',
  },
}

/** Proof materials, as the handling office names them. */
export const MATERIAL_KINDS = ['id_card', 'abroad_proof', 'household_cancel', 'death_cert', 'heir_id', 'kinship', 'inheritance', 'duplicate_record', 'resignation'] as const
export type MaterialKind = (typeof MATERIAL_KINDS)[number]

export const MATERIALS: Readonly<Record<MaterialKind, { title: string; hint: string }>> = {
  id_card: { title: '参保人身份证（正反面）', hint: '正反两面拍清楚，四角完整' },
  abroad_proof: { title: '出国（境）定居证明或加入外籍证明', hint: '国外长期居留证明、外国护照或我国驻外使领馆出具的定居证明' },
  household_cancel: { title: '户口注销证明', hint: '公安机关出具的户籍注销证明' },
  death_cert: { title: '死亡证明', hint: '医学死亡证明或公安机关的户籍注销证明' },
  heir_id: { title: '继承人身份证（正反面）', hint: '办理人为继承人本人' },
  kinship: { title: '亲属关系证明', hint: '户口簿、结婚证、出生医学证明或村（居）委会证明' },
  inheritance: { title: '继承公证书或法院判决书', hint: '多个继承人时，需写明由谁领取' },
  duplicate_record: { title: '重复参保缴费记录', hint: '两地社保缴费明细（可在当地社保 App 或网站下载）' },
  resignation: { title: '离职证明（解除劳动关系证明）', hint: '由最后一家用人单位出具' },
}

/** What every region asks for, per reason (regional policy may add more). */
export const BASE_MATERIALS: Readonly<Record<CancelReason, readonly MaterialKind[]>> = {
  abroad: ['id_card', 'abroad_proof'],
  death: ['death_cert', 'heir_id', 'kinship', 'inheritance'],
  duplicate: ['id_card', 'duplicate_record'],
  retire_short: ['id_card', 'resignation'],
  leave: [],
  transfer_out: [],
}

/** Accepted proof files: images or PDF. Sizes in bytes. */
export const MATERIAL_LIMITS = {
  imageMaxBytes: 5 * 1024 * 1024,
  pdfMaxBytes: 10 * 1024 * 1024,
  maxFiles: 20,
  mimes: ['image/jpeg', 'image/png', 'application/pdf'] as const,
} as const

export type MaterialMime = (typeof MATERIAL_LIMITS.mimes)[number]

/** The type of a file from its first bytes (its name and the client's claim are not trusted). */
export function sniffMaterial(head: Uint8Array): MaterialMime | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return 'image/png'
  if (head.length >= 5 && String.fromCharCode(...head.slice(0, 5)) === '%PDF-') return 'application/pdf'
  return undefined
}

export function materialMaxBytes(mime: MaterialMime): number {
  return mime === 'application/pdf' ? MATERIAL_LIMITS.pdfMaxBytes : MATERIAL_LIMITS.imageMaxBytes
}
