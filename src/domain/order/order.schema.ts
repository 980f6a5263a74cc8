import { ORDER_TABS, type OrderTab } from './order-tabs'
import * as v from 'valibot'
import { RequestId } from '../request-id'
import { AppError } from '../errors'
import { IdNumber } from '../identity/id-number'
import { Phone } from '../identity/phone'
import type { DocumentType } from '../photo/spec.types'
import { requireCity } from '../region'
import { NATIONAL_PRICES_FEN } from './prices'
import { receiptNotOffered } from './receipt-coverage'

/** Every document type we sell receipts for; the price table is exhaustive over DocumentType, so this list is too. */
export const ORDER_DOCUMENT_TYPES = Object.keys(NATIONAL_PRICES_FEN) as DocumentType[]

export const OrderDocumentType = v.picklist(ORDER_DOCUMENT_TYPES, '请选择证件类型')

/** A receipt is bound to one issuing city: 深圳市, never 广东省 alone (docs/photo-specs.md, Receipts). */
export const CityCode = v.pipe(
  v.string('请选择城市'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    try {
      requireCity(dataset.value)
    } catch (error) {
      addIssue({ message: error instanceof AppError ? error.message : '城市代码不正确' })
    }
  }),
)

/** A normalised photo from `photo.normalize`: `ph_` and 24 lower-case hex digits (12 random bytes). */
export const PhotoId = v.pipe(v.string('请先拍摄或上传照片'), v.regex(/^ph_[0-9a-f]{24}$/, '照片标识不正确，请重新上传照片'))

/** An order: `od_` and 24 lower-case hex digits (12 random bytes), as the order function generates them. */
export const OrderId = v.pipe(v.string('缺少订单号'), v.regex(/^od_[0-9a-f]{24}$/, '订单号不正确'))

/** True for a well-formed order id: the one rule pages, functions and the emulator share. */
export const isOrderId = (value: unknown): value is string => v.is(OrderId, value)

/** Middle dots people type between the parts of a transcribed name (•, ・, ‧, ∙, ．) become the standard ·. */
function normalizeName(value: string): string {
  return value.trim().replace(/\s+/g, '').replace(/[\u2022\u30fb\u2027\u2219\uff0e]/g, '\u00b7')
}

/**
 * Applicant's name as on the identity card: 2–20 Chinese characters (rare characters of CJK extension A and
 * beyond included); minority names transcribed in Chinese separate their parts with · (阿卜杜·热合曼).
 */
const CHINESE_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+(?:·[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+)*$/u

export const ApplicantName = v.pipe(
  v.string('请填写姓名'),
  v.transform(normalizeName),
  v.nonEmpty('请填写姓名'),
  v.check((name) => [...name].length >= 2, '姓名至少 2 个字'),
  v.check((name) => [...name].length <= 20, '姓名最多 20 个字'),
  v.regex(CHINESE_NAME, '姓名只能填写汉字，少数民族姓名可用“·”分隔'),
)

export const Applicant = v.object({
  name: ApplicantName,
  idNumber: IdNumber,
  phone: Phone,
})

/** The fields of `order.create`: the client names what it wants; the price comes from the server's table. */
export const CreateOrderFields = v.object({
  documentType: OrderDocumentType,
  cityCode: CityCode,
  photoId: PhotoId,
  applicant: Applicant,
  /** Chosen by the client once per 支付 tap: a create sent again with it (a retry after a lost answer) finds the same order. */
  requestId: v.optional(RequestId),
})

/** A receipt is only sold where it is taken (receipt-coverage.ts); the error belongs to the city field. */
export function receiptOfferedHere<T extends { documentType: DocumentType; cityCode: string }>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const { documentType, cityCode } = dataset.value
    const why = receiptNotOffered(documentType, cityCode)
    if (why) addIssue({ message: why, path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'cityCode', value: cityCode }] })
  })
}

/** `order.create`. */
export const CreateOrderInput = v.pipe(CreateOrderFields, receiptOfferedHere<v.InferOutput<typeof CreateOrderFields>>())
export type CreateOrderInput = v.InferOutput<typeof CreateOrderInput>

/** `order.get`. */
export const GetOrderInput = v.object({ orderId: OrderId })
export type GetOrderInput = v.InferOutput<typeof GetOrderInput>

/** `order.list`: one tab of the user's own orders; no tab means 全部. */
export const ListOrdersInput = v.optional(
  v.object({
    tab: v.optional(v.picklist(Object.keys(ORDER_TABS) as OrderTab[], '订单分类不正确'), 'all'),
    /** Only the orders made for this photo: back from the cashier, the 待支付 order of the photo being paid for. */
    photoId: v.optional(PhotoId),
  }),
  { tab: 'all' },
)
export type ListOrdersInput = v.InferOutput<typeof ListOrdersInput>


/** `order.resubmit`: a rejected order goes back to review with a new photo, free of charge (docs/photo-specs.md, Receipts). */
export const ResubmitOrderInput = v.object({
  orderId: OrderId,
  photoId: PhotoId,
})
export type ResubmitOrderInput = v.InferOutput<typeof ResubmitOrderInput>

export { ORDER_TABS, ORDER_TAB_LABELS, statesForTab, type OrderTab } from './order-tabs'
