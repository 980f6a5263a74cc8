import * as v from 'valibot'
import { IdNumber } from '../identity/id-number'
import { Phone } from '../identity/phone'
import { ApplicantName, CityCode, OrderId } from '../order/order.schema'

/** A card-loss case: `lc_` and 24 lower-case hex digits. */
export const LossCaseId = v.pipe(v.string('缺少挂失编号'), v.regex(/^lc_[0-9a-f]{24}$/, '挂失编号不正确'))
export const isLossCaseId = (value: unknown): value is string => v.is(LossCaseId, value)

/** 社会保障卡卡号 as printed on the card: 9 letters or digits (optional: many people do not know it). */
export const SocialCardNumber = v.pipe(
  v.string(),
  v.transform((s) => s.replace(/\s+/g, '').toUpperCase()),
  v.regex(/^[A-Z0-9]{9}$/, '社保卡卡号为 9 位字母或数字，印在卡的正面；不清楚可以不填'),
)

/** A short-lived proof that the caller passed identity verification (a formal report needs it). */
export const VerificationToken = v.pipe(v.string('请先完成身份核验'), v.regex(/^vt\.[0-9]+\.[0-9a-f]{64}$/, '身份核验已失效，请重新核验'))

/** `loss.report`: the card's city and holder, and which report. */
export const ReportLossInput = v.object({
  cityCode: CityCode,
  holder: v.object({ name: ApplicantName, idNumber: IdNumber }),
  cardNumber: v.optional(v.union([v.literal(''), SocialCardNumber]), ''),
  kind: v.picklist(['temporary', 'formal'], '请选择临时挂失或正式挂失'),
  verificationToken: v.optional(VerificationToken),
})
export type ReportLossInput = v.InferOutput<typeof ReportLossInput>

/** `loss.verify`: the simulated identity check (production: WeChat 实名核身). */
export const VerifyInput = v.object({ holder: v.object({ name: ApplicantName, idNumber: IdNumber }) })

export const LossCaseRef = v.object({ caseId: LossCaseId })
export const UpgradeInput = v.object({ caseId: LossCaseId, verificationToken: VerificationToken })

export const MailAddress = v.object({
  name: ApplicantName,
  phone: Phone,
  cityCode: CityCode,
  detail: v.pipe(v.string('请填写详细地址'), v.trim(), v.minLength(5, '详细地址至少 5 个字'), v.maxLength(80, '详细地址最多 80 个字')),
})

export const ReissueInput = v.object({
  caseId: LossCaseId,
  orderId: OrderId,
  delivery: v.variant('method', [v.object({ method: v.literal('pickup') }), v.object({ method: v.literal('mail'), address: MailAddress })], '请选择领卡方式'),
})
export type ReissueInput = v.InferOutput<typeof ReissueInput>

export const DecideReissueInput = v.object({
  caseId: LossCaseId,
  decisionId: v.pipe(v.string('缺少决定编号'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '决定编号不正确')),
  decision: v.picklist(['approve', 'reject', 'issue'], '请选择操作'),
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '原因最多 200 字'))),
})
