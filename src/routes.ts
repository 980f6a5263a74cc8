import type { DocumentType } from '@/domain/photo/spec.types'

/**
 * The entry pages one feature opens in another. A feature never imports another feature (ESLint
 * `import/no-restricted-paths`), and each is its own subpackage, so the addresses they share live here.
 */
export function query(params: Record<string, string | undefined>): string {
  const pairs = Object.entries(params).filter((p): p is [string, string] => !!p[1])
  return pairs.map(([k, val]) => `${k}=${encodeURIComponent(val)}`).join('&')
}

const ID_PHOTO = '/features/id-photo/pages/index/index'

/**
 * The id-photo flow, with the document type and city preselected; `resubmitOrderId` asks it to come back to the
 * receipt's resubmit page with the new photo instead of starting a new order.
 */
export const idPhotoUrl = (p: { documentType?: DocumentType; cityCode?: string; resubmitOrderId?: string } = {}): string => {
  const q = query({ documentType: p.documentType, cityCode: p.cityCode, resubmitOrderId: p.resubmitOrderId })
  return q ? `${ID_PHOTO}?${q}` : ID_PHOTO
}

/** The card-loss home page (report, lift, reissue). */
export const cardLossHomeUrl = (): string => '/features/card-loss/pages/index/index'

/** The print-sheet page (排版照, and the electronic photo's way out) of a checked photo. */
export const printSheetUrl = (photoId: string, specId: string): string => `/features/id-photo/pages/print/index?${query({ photoId, specId })}`

/** The page that shows one case of 我的办理, by its kind. */
export const caseDetailUrl = (kind: 'receipt' | 'card-loss' | 'cancellation', id: string): string => {
  if (kind === 'receipt') return `/features/receipt/pages/detail/index?${query({ orderId: id })}`
  if (kind === 'card-loss') return `/features/card-loss/pages/detail/index?${query({ caseId: id })}`
  return `/features/cancellation/pages/detail/index?${query({ applicationId: id })}`
}
