/** The id-photo pages' addresses, and where a checked photo goes next. */
const ROOT = '/features/id-photo/pages'

/** The choice page, optionally with the document type, city and resubmitted order already chosen. */
export const choiceUrl = (p: { documentType?: string; cityCode?: string; resubmitOrderId?: string } = {}): string => {
  const q = Object.entries(p)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return q ? `${ROOT}/index/index?${q}` : `${ROOT}/index/index`
}
export const captureUrl = (specId: string): string => `${ROOT}/capture/index?specId=${encodeURIComponent(specId)}`
export const previewUrl = (specId: string): string => `${ROOT}/preview/index?specId=${encodeURIComponent(specId)}`

/** Where the receipt order goes on, with the checked photo and its short-lived address (shown on 确认订单). */
export const receiptUrl = (specId: string, photoId: string, cityCode?: string, photoUrl?: string): string =>
  `/features/receipt/pages/index/index?specId=${encodeURIComponent(specId)}&photoId=${encodeURIComponent(photoId)}${cityCode ? `&cityCode=${encodeURIComponent(cityCode)}` : ''}${photoUrl ? `&photoUrl=${encodeURIComponent(photoUrl)}` : ''}`

/** A rejected order's free resubmission, with the newly checked photo. */
export const resubmitUrl = (orderId: string, photoId: string): string =>
  `/features/receipt/pages/resubmit/index?orderId=${encodeURIComponent(orderId)}&photoId=${encodeURIComponent(photoId)}`

/** The print-sheet page (排版照) of a checked photo. */
export const printUrl = (photoId: string, specId: string): string => `${ROOT}/print/index?photoId=${encodeURIComponent(photoId)}&specId=${encodeURIComponent(specId)}`
