import { MailAddress } from '@/domain/card-loss/card-loss.schema'
import { fieldErrors } from '@/domain/validation'
import type { Delivery } from './api'

export type Method = Delivery['method']

/** The mailing address as typed (its city is picked separately). */
export interface AddressValues {
  name: string
  phone: string
  detail: string
}
export type AddressField = keyof AddressValues | 'cityCode'

export const EMPTY_ADDRESS: AddressValues = { name: '', phone: '', detail: '' }

/** The receipt the user picked while it is still usable; with a single usable receipt, that one without a tap. */
export function selectedReceipt(picked: string | undefined, usable: ReadonlyArray<{ orderId: string }>): string | undefined {
  if (picked && usable.some((r) => r.orderId === picked)) return picked
  return usable.length === 1 ? usable[0].orderId : undefined
}

/** The schema's first message per address field, the picked city included. */
export const addressErrors = (address: AddressValues, cityCode: string | undefined): Partial<Record<AddressField, string>> => fieldErrors(MailAddress, { ...address, cityCode })

/** What is still missing before the reissue can be sent: a receipt, a delivery method, a complete address for mail. */
export function reissueBlock(input: { receipt?: string; method?: Method; addressErrors: Partial<Record<AddressField, string>> }): 'receipt' | 'method' | 'address' | undefined {
  if (!input.receipt) return 'receipt'
  if (!input.method) return 'method'
  if (input.method === 'mail' && Object.keys(input.addressErrors).length > 0) return 'address'
  return undefined
}

/** The delivery as the function takes it: mail with the trimmed address and its city, else pick-up. */
export function deliveryOf(method: Method, address: AddressValues, cityCode: string | undefined): Delivery {
  if (method === 'mail' && cityCode) return { method: 'mail', address: { name: address.name.trim(), phone: address.phone.trim(), cityCode, detail: address.detail.trim() } }
  return { method: 'pickup' }
}

/** A refusal about the receipt (expired, used, another city): the receipt list must be loaded again. */
export const isReceiptProblem = (code: string | undefined): boolean => !!code?.startsWith('RECEIPT_')
