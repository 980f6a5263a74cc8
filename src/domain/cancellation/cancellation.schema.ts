import * as v from 'valibot'
import { RequestId } from '../request-id'
import { AppError } from '../errors'
import { normalizeBankCard } from '../identity/bank-card'
import { IdNumber } from '../identity/id-number'
import { Phone } from '../identity/phone'
import { ApplicantName, CityCode } from '../order/order.schema'
import { BANK_CODES, DEBIT_CARD_LENGTH } from './banks'
import { ACCOUNT_STATES } from './eligibility'
import { CANCEL_REASONS, MATERIAL_KINDS } from './reasons'
import { luhnValid } from '../identity/bank-card'

/** An application: `ca_` and 24 lower-case hex digits, as the cancellation function generates them. */
export const ApplicationId = v.pipe(v.string('缺少申请编号'), v.regex(/^ca_[0-9a-f]{24}$/, '申请编号不正确'))
export const isApplicationId = (value: unknown): value is string => v.is(ApplicationId, value)

export const CancelReasonSchema = v.picklist(CANCEL_REASONS, '请选择注销原因')
export const MaterialKindSchema = v.picklist(MATERIAL_KINDS, '材料类型不正确')

/** A UnionPay debit card for the refund: 16–19 digits that pass the Luhn check (ISO/IEC 7812). */
export const DebitCardNumber = v.pipe(
  v.string('请填写银行卡号'),
  v.transform(normalizeBankCard),
  v.nonEmpty('请填写银行卡号'),
  v.regex(/^\d+$/, '银行卡号只能包含数字'),
  v.check((d) => d.length >= DEBIT_CARD_LENGTH.min && d.length <= DEBIT_CARD_LENGTH.max, `借记卡号应为 ${DEBIT_CARD_LENGTH.min}–${DEBIT_CARD_LENGTH.max} 位数字`),
  v.check(luhnValid, '银行卡号校验不通过，请逐位核对'),
)

export const HEIR_RELATIONS = ['spouse', 'child', 'parent', 'other'] as const
export const HEIR_RELATION_LABELS = { spouse: '配偶', child: '子女', parent: '父母', other: '其他法定继承人' } as const

const Person = v.object({ name: ApplicantName, idNumber: IdNumber })

/** `cancellation.save`: the whole form, for a new draft or to edit a draft or a rejected application. */
export const ApplicationInput = v.object({
  applicationId: v.optional(ApplicationId),
  /** For a new draft: saving again with the same request id (a retry after a lost answer) finds the same draft. */
  requestId: v.optional(RequestId),
  cityCode: CityCode,
  reason: CancelReasonSchema,
  accountState: v.picklist(ACCOUNT_STATES, '请选择账户状态'),
  realNameVerified: v.boolean('请说明是否已实名认证'),
  /** The person whose account is cancelled. */
  insured: Person,
  /** For a death: the heir who applies and receives the balance. */
  heir: v.optional(v.object({ ...Person.entries, relation: v.picklist(HEIR_RELATIONS, '请选择与参保人的关系') })),
  phone: Phone,
  bank: v.object({ bankCode: v.picklist(BANK_CODES, '请选择开户银行'), cardNumber: DebitCardNumber, holderName: ApplicantName }),
})
export type ApplicationInput = v.InferOutput<typeof ApplicationInput>

/**
 * Rules across fields, shared by the form and the function: a death needs an heir; the refund card must
 * be in the name of whoever receives the money (the insured person, or the heir after a death).
 */
export function checkApplication(input: ApplicationInput): void {
  if (input.reason === 'death' && !input.heir) throw new AppError('VALIDATION_FAILED', '参保人身故的，请填写继承人信息', [{ path: 'heir', message: '请填写继承人信息' }])
  const payee = input.reason === 'death' ? input.heir?.name : input.insured.name
  if (input.bank.holderName !== payee) {
    const who = input.reason === 'death' ? '继承人' : '参保人'
    throw new AppError('BANK_HOLDER_MISMATCH', `退款银行卡的户名必须与${who}姓名一致`, [{ path: 'bank.holderName', message: `户名须为${who}本人` }])
  }
}

export const GetApplicationInput = v.object({ applicationId: ApplicationId })

/** `cancellation.uploadTarget`: where to upload one proof file. */
export const MaterialTargetInput = v.object({ applicationId: ApplicationId, kind: MaterialKindSchema, ext: v.picklist(['jpg', 'jpeg', 'png', 'pdf'], '材料只支持 JPG、PNG 图片或 PDF 文件') })

/** `cancellation.attach`: the uploaded file becomes a proof of the application once its type and size check out. */
export const AttachMaterialInput = v.object({
  applicationId: ApplicationId,
  kind: MaterialKindSchema,
  fileID: v.pipe(v.string('缺少文件'), v.minLength(1, '缺少文件'), v.maxLength(512, '文件标识过长')),
  name: v.optional(v.pipe(v.string(), v.maxLength(100, '文件名过长')), ''),
})

export const RemoveMaterialInput = v.object({ applicationId: ApplicationId, materialId: v.pipe(v.string(), v.regex(/^m_[0-9a-f]{16}$/, '材料标识不正确')) })

/** The operator records the handling office's result. `round` names the submission it reviewed. */
export const DecideApplicationInput = v.object({
  applicationId: ApplicationId,
  round: v.pipe(v.number('缺少提交轮次'), v.integer(), v.minValue(1)),
  /** Idempotency key: the same decision delivered twice is applied once. */
  decisionId: v.pipe(v.string('缺少决定编号'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '决定编号不正确')),
  decision: v.picklist(['approve', 'reject'], '请选择通过或不通过'),
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '原因最多 200 字'))),
  refund: v.optional(
    v.object({
      amountFen: v.optional(v.pipe(v.number(), v.integer('金额不正确'), v.minValue(0, '金额不正确'), v.maxValue(100_000_000_00, '金额不正确'))),
      date: v.optional(v.pipe(v.string(), v.isoDate('退款日期格式应为 YYYY-MM-DD'))),
    }),
  ),
})
export type DecideApplicationInput = v.InferOutput<typeof DecideApplicationInput>

/** The operator's queue: one status, or every application still to be reviewed. */
export const OpsApplicationsInput = v.optional(v.object({ status: v.optional(v.picklist(['open', 'draft', 'submitted', 'reviewing', 'approved', 'rejected'], '状态不正确'), 'open') }), { status: 'open' })
