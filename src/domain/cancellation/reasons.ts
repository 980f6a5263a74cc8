import type { Source } from '../sources/source'

/**
 * Why people ask to cancel a social-security account, who may in fact terminate the basic pension
 * relation (终止职工基本养老保险关系) and take the personal-account balance, and the proof each case needs.
 * A mini-program cannot cancel an account itself: it prepares a complete application for the handling office
 * (社保经办机构) and tracks it. The rules are those of 人社部令第13号《实施〈中华人民共和国社会保险法〉若干规定》
 * 第三条 and 第六条, 《社会保险法》第十四条 and the 转移接续 notices on 多重养老保险关系, each quoted in `basis`.
 *
 * Terms the guide explains: 注销 is what people call it; 终止参保 (终止养老保险关系) is what the office does;
 * 个人账户一次性支付 (支取) is the payment of the balance that follows a termination — never an early
 * withdrawal, which the law forbids (个人账户不得提前支取).
 */
export const CANCEL_REASONS = ['nationality', 'death', 'duplicate', 'retire_short', 'abroad', 'leave', 'transfer_out'] as const
export type CancelReason = (typeof CANCEL_REASONS)[number]

export interface ReasonInfo {
  title: string
  /** One line under the title in the wizard. */
  hint: string
  /** False when the reason never leads to a termination: the wizard explains what to do instead. */
  cancellable: boolean
  /** Why not, and what to do instead (only for reasons that are not cancellable). */
  instead?: string
  /** What the office must tell the applicant before it terminates (shown before any application). */
  before?: string
  /** Where the balance goes when the application is approved. */
  refund?: string
  /** The rule, quoted from the sources that state it. */
  basis: readonly Source[]
}

const CHECKED = '2026-12-02'

/** 人社部令第13号 第六条, as republished by 上海本地宝. */
const RULE_6: Source = {
  url: 'http://m.sh.bendibao.com/zffw/138137.html',
  title: '上海养老保险终止账户的规定是什么(出国/出境定居)',
  quote:
    '个人在达到法定的领取基本养老金条件前离境定居的,其个人账户予以保留,达到法定领取条件时,按照国家规定享受相应的养老保险待遇。其中,丧失中华人民共和国国籍的,可以在其离境时或者离境后书面申请终止职工基本养老保险关系。',
  publishedOrChecked: CHECKED,
}

/** 人社部令第13号 第六条: no early withdrawal. */
const NO_EARLY: Source = {
  url: 'http://m.sh.bendibao.com/zffw/138137.html',
  title: '上海养老保险终止账户的规定是什么(出国/出境定居)',
  quote: '职工基本养老保险个人账户不得提前支取。',
  publishedOrChecked: CHECKED,
}

/** 《社会保险法》第十九条, as quoted in an official service guide. */
const TRANSFER_RULE: Source = {
  url: 'https://www.szyq.gov.cn/grassroots/6623565/160724541.html',
  title: '【文字指南】多重养老保险关系个人账户退费服务指南（三里湾街道办事处）',
  quote: '《中华人民共和国社会保险法》第十九条:个人跨统筹地区就业的,其基本养老保险关系随本人转移,缴费年限累计计算。',
  publishedOrChecked: CHECKED,
}

/** 人社部令第13号 第二条、第三条, as an official county government answers it (尤溪县政府, 2023-10-25). */
const RULE_3: Source = {
  url: 'http://www.fjyx.gov.cn/hdjl/hdjlzsk/xrsj/rsjj/202310/t20231025_1968419.htm',
  title: '参保职工在到达法定退休年龄时,因缴费年限不满15年不满足基本养老保险待遇领取条件的,该怎么办?（尤溪县政府办）',
  quote:
    '参加职工基本养老保险的个人达到法定退休年龄时,累计缴费不足十五年的,可以延长缴费至满十五年(其中,社会保险法实施前参保、延长缴费五年后仍不足十五年的,可以一次性缴费至满十五年)或者申请转入户籍所在地城乡居民养老保险,享受相应的养老保险待遇。参保人如不愿意延长缴费至满十五年,且未转入城乡居民养老保险的,个人可以书面申请终止职工基本养老保险关系,将养老保险个人账户储存额一次性支付给本人。',
  publishedOrChecked: '2023-10-25',
}

const RULE_3_NOTICE: Source = {
  url: 'https://zhuoluyun.com/info/17/detail.html',
  title: '职工养老缴费不足十五年怎么办?',
  quote:
    '社会保险经办机构收到申请后,应当书面告知其转入新型农村社会养老保险或者城镇居民社会养老保险的权利以及终止职工基本养老保险关系的后果,经本人书面确认后,终止其职工基本养老保险关系,并将个人账户储存额一次性支付给本人。',
  publishedOrChecked: CHECKED,
}

const NATIONALITY_PROOF: Source = {
  url: 'https://rajayuj.com/gzhd/ysb/content/post_3021399.html',
  title: '终止企业职工养老保险关系（丧失国籍）申请材料',
  quote:
    '(二)放弃国籍的有关材料或经公证的已取得他国国籍的中文译本(曾以中国公民身份参保,在达到领取基本养老金条件前丧失中华人民共和国国籍,申请终止基本养老保险关系的)。',
  publishedOrChecked: CHECKED,
}

const ABROAD_KEEPS: Source = {
  url: 'http://yzzsnet.com/techan/179954.html',
  title: '汕头养老保险账户处理',
  quote: '参保人出国(境)定居但仍然保留中华人民共和国国籍的,其个人账户予以保留,达到法定领取条件时,按照规定享受相应的养老保险待遇',
  publishedOrChecked: CHECKED,
}

const DEATH_INHERIT: Source = {
  url: 'https://how234.com/eamydhhcejh.html',
  title: '参保职工死亡后个人账户继承',
  quote:
    '参保职工死亡后,其继承人或者受益人可持以下相关材料到缴费地社保经办机构办理继承手续。(1)死亡证明原件复印件;(2)法定继承人(或指定受益人)身份证复印件;(3)能够证明法定继承人(或指定受益人)与死亡人员关系的证件材料。',
  publishedOrChecked: CHECKED,
}

const DEATH_NOTARY: Source = {
  url: 'https://www.tlbxw.net/news-5302.html',
  title: '养老保险参保人过世后如何办理',
  quote: '若存在多个继承人,建议提前协商一致,必要时可通过公证明确继承份额,避免后续纠纷。',
  publishedOrChecked: CHECKED,
}

/** 《社会保险法》第十七条、第十四条 as a city social-insurance centre's notice states them (温州市社会保险管理服务中心, 2021-05-26). */
const DEATH_OFFICIAL: Source = {
  url: 'https://hrss.wenzhou.gov.cn/art/2021/5/26/art_1229204115_3938342.html',
  title: '温州市社会保险管理服务中心通告：参保人员已死亡但个人账户未处理的，请遗属办理个人账户余额清退',
  quote: '根据《中华人民共和国社会保险法》的相关规定,参加基本养老保险的个人,因病或者非因工死亡的,其遗属可以领取丧葬补助金和抚恤金,个人账户余额可以继承。',
  publishedOrChecked: '2021-05-26',
}

const DUPLICATE_RULE: Source = {
  url: 'https://www.szyq.gov.cn/grassroots/6623565/160724541.html',
  title: '【文字指南】多重养老保险关系个人账户退费服务指南（三里湾街道办事处）',
  quote:
    '参保人员流动就业,同时在两地以上存续基本养老保险关系的,在办理转移接续基本养老保险关系时,由社会保险经办机构与本人 协商确定保留其中一个基本养老保险关系和个人账户,同期其他关系予以清理,个人账户储存额退还本人',
  publishedOrChecked: CHECKED,
}

const DUPLICATE_MATERIALS: Source = {
  url: 'https://www.jinyun.gov.cn/art/2025/3/10/art_1229444026_59167522.html',
  title: '多重养老保险关系个人账户退费服务指南（缙云县）',
  quote: '六、申请材料目录 身份证或社保卡。',
  publishedOrChecked: CHECKED,
}

/** An official county guide for the same refund: the application form and the ID and card, no record of the two payments. */
const DUPLICATE_MATERIALS_SUIXI: Source = {
  url: 'https://www.sxx.gov.cn/zwgk/grassroots/2041/64690779.html',
  title: '企业多重养老保险关系个人账户退费办理指南（濉溪县）',
  quote: '三、办理材料:退费申请表、身份证原件、社会保障卡原件',
  publishedOrChecked: CHECKED,
}

export const REASONS: Readonly<Record<CancelReason, ReasonInfo>> = {
  nationality: {
    title: '已丧失中国国籍（加入外国国籍）',
    hint: '已加入外国国籍、不再是中国公民，申请终止养老保险关系',
    cancellable: true,
    before: '经办机构收到书面申请后，会书面告知您保留个人账户的权利和终止养老保险关系的后果；经您书面确认后才终止。',
    refund: '终止职工基本养老保险关系后，个人账户储存额一次性支付给本人',
    basis: [RULE_6, NATIONALITY_PROOF],
  },
  death: {
    title: '参保人身故',
    hint: '由继承人（或指定受益人）申请，个人账户余额依法继承',
    cancellable: true,
    refund: '个人账户余额依法由继承人继承，退到继承人的银行账户；符合条件的遗属还可申领丧葬补助金和抚恤金',
    basis: [DEATH_INHERIT, DEATH_OFFICIAL, DEATH_NOTARY],
  },
  duplicate: {
    title: '重复参保（同期存在两个以上养老保险关系）',
    hint: '同一时期在两地或以两个账户缴费，清退重复的关系',
    cancellable: true,
    refund: '保留其中一个养老保险关系，同期其他关系予以清理（清退），个人账户储存额退还本人，重复期间的缴费年限不重复计算',
    basis: [DUPLICATE_RULE, DUPLICATE_MATERIALS, DUPLICATE_MATERIALS_SUIXI],
  },
  retire_short: {
    title: '已到退休年龄，累计缴费不满 15 年',
    hint: '不延长缴费、也不转入城乡居民养老保险，书面申请终止',
    cancellable: true,
    before:
      '终止前请先了解：可以延长缴费至满 15 年，也可以申请转入户籍所在地城乡居民基本养老保险、按月领取待遇。经办机构收到书面申请后，会书面告知您转入城乡居民养老保险的权利和终止的后果；经您书面确认后才终止。',
    refund: '书面申请终止职工基本养老保险关系并经本人书面确认后，个人账户储存额一次性支付给本人',
    basis: [RULE_3, RULE_3_NOTICE],
  },
  abroad: {
    title: '出国（境）定居，仍保留中国国籍',
    hint: '在国外定居或长期居住，但没有加入外国国籍',
    cancellable: false,
    instead:
      '离境定居但仍保留中国国籍的，个人账户予以保留，不能因定居国外终止或退钱；达到法定领取条件时，按规定享受养老保险待遇。如果以后丧失中国国籍，可以在离境时或离境后书面申请终止，并领取个人账户储存额。',
    basis: [RULE_6, ABROAD_KEEPS],
  },
  leave: {
    title: '离职或不再缴费',
    hint: '辞职、失业、自由职业，暂时不交社保',
    cancellable: false,
    instead: '离职或停缴不能注销社保账号，也不能退钱：个人账户不得提前支取，账户会保留，已缴年限累计有效。以后在新单位或新城市参保时，办理转移接续即可。',
    basis: [NO_EARLY],
  },
  transfer_out: {
    title: '到外省工作，账户要转走',
    hint: '换城市、换省份参保',
    cancellable: false,
    instead: '换地方参保应办理社保关系转移接续（可在国家社会保险公共服务平台或新参保地申请），不需要注销，注销反而会中断缴费年限。',
    basis: [TRANSFER_RULE],
  },
}

/** Proof materials, as the handling office names them. */
export const MATERIAL_KINDS = ['id_card', 'termination_application', 'nationality_proof', 'death_cert', 'heir_id', 'kinship', 'inheritance', 'duplicate_record'] as const
export type MaterialKind = (typeof MATERIAL_KINDS)[number]

export const MATERIALS: Readonly<Record<MaterialKind, { title: string; hint: string }>> = {
  id_card: { title: '参保人身份证（正反面）或社保卡', hint: '正反两面拍清楚，四角完整' },
  termination_application: { title: '终止养老保险关系书面申请', hint: '本人签名的书面申请（经办机构有格式文书的，按其格式填写）' },
  nationality_proof: { title: '丧失中国国籍的证明', hint: '放弃国籍的有关材料，或经公证的已取得外国国籍的中文译本' },
  death_cert: { title: '死亡证明', hint: '医学死亡证明或公安机关的户籍注销证明' },
  heir_id: { title: '继承人身份证（正反面）', hint: '法定继承人或指定受益人本人' },
  kinship: { title: '继承人与参保人的关系证明', hint: '户口簿、结婚证、出生医学证明等能证明关系的证件材料' },
  inheritance: { title: '继承权公证书（特殊情况）', hint: '仅在经办机构要求时提供，例如多个继承人有争议、无法证明亲属关系' },
  duplicate_record: { title: '重复参保缴费记录（如有）', hint: '两地社保缴费明细（可在当地社保 App 或网站下载），便于核对；办事指南只要求身份证或社保卡' },
}

/** What every region asks for, per reason (regional policy may add more). */
export const BASE_MATERIALS: Readonly<Record<CancelReason, readonly MaterialKind[]>> = {
  nationality: ['id_card', 'termination_application', 'nationality_proof'],
  death: ['death_cert', 'heir_id', 'kinship'],
  duplicate: ['id_card'],
  retire_short: ['id_card', 'termination_application'],
  abroad: [],
  leave: [],
  transfer_out: [],
}

/**
 * Proofs that help but no guide requires, everywhere: notarisation of the inheritance (special cases only), and the
 * record of the two payments for a duplicate enrolment (缙云县 and 濉溪县 guides ask only for 身份证或社保卡 and 退费申请表).
 */
export const BASE_OPTIONAL_MATERIALS: Partial<Record<CancelReason, readonly MaterialKind[]>> = {
  death: ['inheritance'],
  duplicate: ['duplicate_record'],
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
