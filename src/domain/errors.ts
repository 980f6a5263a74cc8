/**
 * Coded errors shared by pages, cloud functions and the local emulator.
 * Every code carries the Chinese sentence a user sees and the HTTP status the emulator answers with.
 * Codes are stable identifiers: clients branch on them, never on the message.
 */
export const ERRORS = {
  BAD_JSON: { status: 400, message: '请求格式不正确，请刷新后重试' },
  VALIDATION_FAILED: { status: 400, message: '填写的信息有误，请检查后重试' },
  UNKNOWN_ACTION: { status: 400, message: '不支持的操作' },
  UNKNOWN_FUNCTION: { status: 404, message: '服务不存在' },
  UNAUTHENTICATED: { status: 401, message: '请先登录后再操作' },
  UNKNOWN_USER: { status: 401, message: '登录已失效，请重新选择用户' },
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  NOT_FOUND: { status: 404, message: '没有找到相关记录' },
  FILE_NOT_FOUND: { status: 404, message: '文件不存在或已被删除' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持的请求方式' },
  CONFLICT: { status: 409, message: '数据已被修改，请刷新后重试' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍等几秒再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  PHOTO_TOO_LARGE: { status: 413, message: '照片文件超过 10 MB，请换一张较小的照片' },
  PHOTO_TOO_MANY_PIXELS: { status: 413, message: '照片像素过多（超过 4000 万像素），请换一张照片' },
  PHOTO_NOT_IMAGE: { status: 415, message: '这不是一张照片，请选择 JPG、PNG 或 WebP 格式的图片' },
  PHOTO_NOT_FOUND: { status: 404, message: '没有找到这张证件照，请重新拍摄或选择照片' },
  PHOTO_NOT_PRINTABLE: { status: 409, message: '这张照片没有通过检测，不能保存或排版，请重新拍摄' },
  PHOTO_TRUNCATED: { status: 422, message: '照片文件不完整，请重新拍摄或重新选择' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的文件类型' },
  URL_EXPIRED: { status: 403, message: '链接已过期，请返回重新打开' },
  NETWORK_ERROR: { status: 503, message: '网络不太稳定，请检查网络后重试' },
  INTERNAL: { status: 500, message: '服务暂时不可用，请稍后重试' },
  ID_NUMBER_INVALID: { status: 400, message: '身份证号码不正确，请核对后重新填写' },
  ORDER_NOT_FOUND: { status: 404, message: '订单不存在或已被删除' },
  ORDER_INVALID_TRANSITION: { status: 409, message: '订单状态已变化，当前不能进行此操作，请刷新后查看' },
  ORDER_REASON_REQUIRED: { status: 400, message: '请填写审核未通过的原因' },
  REFUND_AMOUNT_MISMATCH: { status: 409, message: '退款金额与实际支付金额不一致，不能退款' },
  REFUND_FAILED: { status: 502, message: '微信支付未受理退款，请稍后重试' },
  MESSAGE_FIELD_INVALID: { status: 422, message: '通知内容不符合消息模板要求' },
  CALLBACK_SIGNATURE_INVALID: { status: 401, message: '回调签名校验失败' },
  CALLBACK_TOKEN_INVALID: { status: 401, message: '回调地址校验失败' },
  PROVIDER_AUTH_FAILED: { status: 502, message: '回执服务商未认可我们的接口密钥，请联系客服' },
  PROVIDER_REQUEST_INVALID: { status: 502, message: '提交给回执服务商的请求不完整，请联系客服' },
  PROVIDER_REQUEST_REFUSED: { status: 502, message: '回执服务商未受理这次提交，请联系客服' },
  PROVIDER_FIELDS_MISSING: { status: 422, message: '办理该回执所需的资料不全，请补充后重试' },
  PROVIDER_PHONE_INVALID: { status: 422, message: '手机号码格式不正确，请核对后重新填写' },
  PROVIDER_PHOTO_TOO_LARGE: { status: 413, message: '照片超过回执服务商允许的 5 MB，请重新拍摄' },
  PROVIDER_APPLICATION_NOT_FOUND: { status: 502, message: '回执服务商查不到这笔办理记录，请联系客服' },
  PROVIDER_UNAVAILABLE: { status: 503, message: '回执服务暂时不可用，请稍后重试' },
  RECEIPT_TYPE_UNAVAILABLE: { status: 422, message: '该地区的这类回执暂时不能办理，请选择其他证件或城市' },
  APPLICATION_NOT_FOUND: { status: 404, message: '申请不存在或已被删除' },
  APPLICATION_INVALID_TRANSITION: { status: 409, message: '申请状态已变化，当前不能进行此操作，请刷新后查看' },
  APPLICATION_REASON_REQUIRED: { status: 400, message: '请填写审核未通过的原因' },
  APPLICATION_STALE_RESULT: { status: 409, message: '这条审核结果针对的是较早提交的材料，申请已重新提交，请按最新材料审核' },
  CANCELLATION_NOT_ELIGIBLE: { status: 422, message: '根据您填写的情况，暂不符合注销社保账号的条件' },
  CANCELLATION_OFFLINE_ONLY: { status: 422, message: '该地区暂不支持线上办理注销，请按页面提示到线下窗口办理' },
  MATERIALS_MISSING: { status: 422, message: '还缺少必需的证明材料，请补充后再提交' },
  MATERIAL_TYPE_UNSUPPORTED: { status: 415, message: '材料只支持 JPG、PNG 图片或 PDF 文件' },
  MATERIAL_TOO_LARGE: { status: 413, message: '材料文件过大：图片不超过 5 MB，PDF 不超过 10 MB' },
  MATERIAL_LIMIT_REACHED: { status: 422, message: '每份申请最多上传 20 个材料文件' },
  LOSS_CASE_NOT_FOUND: { status: 404, message: '挂失记录不存在或已被删除' },
  LOSS_INVALID_TRANSITION: { status: 409, message: '挂失状态已变化，当前不能进行此操作，请刷新后查看' },
  LOSS_REASON_REQUIRED: { status: 400, message: '请填写补卡未通过的原因' },
  LOSS_ALREADY_REPORTED: { status: 409, message: '这张卡已经挂失，请在挂失记录中继续办理' },
  LOSS_LIFT_AFTER_REISSUE: { status: 409, message: '已申请补卡，不能再解除挂失：旧卡已作废，请等待新卡' },
  LOSS_VERIFICATION_REQUIRED: { status: 403, message: '正式挂失前需要先完成身份核验' },
  LOSS_VERIFICATION_FAILED: { status: 403, message: '身份核验未通过，请确认是本人操作后重试' },
  LOSS_FORMAL_OFFLINE_ONLY: { status: 422, message: '该地区正式挂失需到服务网点办理' },
  REISSUE_NEEDS_FORMAL_REPORT: { status: 409, message: '补卡前需要先正式挂失' },
  REISSUE_OFFLINE_ONLY: { status: 422, message: '该地区不支持线上补卡，请按页面提示到服务网点办理' },
  RECEIPT_NOT_FOUND: { status: 404, message: '没有找到这张照片回执，请选择您本人已通过审核的回执' },
  RECEIPT_NOT_APPROVED: { status: 409, message: '这张照片回执还没有通过审核' },
  RECEIPT_WRONG_TYPE: { status: 422, message: '补办社保卡需要社保卡照片回执' },
  RECEIPT_WRONG_CITY: { status: 422, message: '照片回执的城市与社保卡所属城市不一致，请使用同一城市的回执' },
  RECEIPT_EXPIRED: { status: 422, message: '照片回执已过期，请重新办理回执' },
  RECEIPT_USED: { status: 409, message: '这张照片回执已经用过，每张回执只能使用一次' },
  PROFILE_NOT_FOUND: { status: 404, message: '常用办理人不存在或已被删除' },
  PROFILE_LIMIT_REACHED: { status: 422, message: '最多保存 8 位常用办理人，请先删除不再需要的' },
  PROFILE_DUPLICATE: { status: 409, message: '这位办理人已经保存过了' },
  PROFILE_CONSENT_INVALID: { status: 422, message: '请确认已取得本人或监护人的同意' },
  PROFILE_NOT_ALLOWED: { status: 422, message: '这项业务需要本人办理，不能使用常用办理人' },
  BANK_HOLDER_MISMATCH: { status: 422, message: '退款银行卡的户名必须与申请人姓名一致' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ERRORS

/** The wire form of an error: a stable code, a Chinese sentence for the user, optional field details. */
export interface ErrorBody {
  code: ErrorCode
  message: string
  details?: ReadonlyArray<{ path: string; message: string }>
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: ErrorBody['details']

  constructor(code: ErrorCode, message?: string, details?: ErrorBody['details']) {
    super(message ?? ERRORS[code].message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  get status(): number {
    return ERRORS[this.code].status
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message }
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value)
}

export function statusOf(code: ErrorCode): number {
  return ERRORS[code].status
}

