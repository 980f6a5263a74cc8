import * as v from 'valibot'
import { CityCode, OrderDocumentType, PhotoId } from '@/domain/order/order.schema'
import type { DocumentType } from '@/domain/photo/spec.types'
import { query } from '@/routes'

/**
 * The receipt pages' addresses. What an order is about (type, city, checked photo) travels in the query, so a
 * reload keeps it; the applicant's personal data never does (see draft.ts).
 */
const ROOT = '/features/receipt/pages'

export interface OrderBasics {
  documentType: DocumentType
  cityCode: string
  photoId: string
}

const basicsQuery = (b: OrderBasics) => query({ documentType: b.documentType, cityCode: b.cityCode, photoId: b.photoId })

export const startUrl = (): string => `${ROOT}/index/index`
export const applicantUrl = (b: OrderBasics): string => `${ROOT}/applicant/index?${basicsQuery(b)}`
export const confirmUrl = (b: OrderBasics): string => `${ROOT}/confirm/index?${basicsQuery(b)}`
export const resultUrl = (orderId: string): string => `${ROOT}/result/index?${query({ orderId })}`
export const detailUrl = (orderId: string): string => `${ROOT}/detail/index?${query({ orderId })}`
export const resubmitUrl = (orderId: string, photoId: string): string => `${ROOT}/resubmit/index?${query({ orderId, photoId })}`

export { idPhotoUrl, printSheetUrl } from '@/routes'

const Basics = v.object({ documentType: OrderDocumentType, cityCode: CityCode, photoId: PhotoId })

/** The order basics from a page query, or undefined when any is missing or malformed. */
export function basicsOf(q: Record<string, string | undefined>): OrderBasics | undefined {
  const parsed = v.safeParse(Basics, { documentType: q.documentType, cityCode: q.cityCode, photoId: q.photoId })
  return parsed.success ? parsed.output : undefined
}

export function isPhotoId(value: string | undefined): value is string {
  return v.is(PhotoId, value)
}

export { isOrderId } from '@/domain/order/order.schema'
