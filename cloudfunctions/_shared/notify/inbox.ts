import { TEMPLATES, type TemplateKey } from '../../../src/domain/notify/templates'
import type { InboxMessage } from '../../../src/domain/order/order.view'
import { DuplicateKeyError, type Ports } from '../ports'
import type { OutboxDoc } from './outbox'
import type { OrderDoc } from '../order/order.store'
import { ORDER_STATUS_WORDS } from '../../../src/domain/order/order.machine'

/** The 消息 page's copy of a notification, written before any push is attempted (decision 008). */
export interface InboxDoc {
  _id: string
  openid: string
  orderId?: string
  caseId: string
  template: TemplateKey
  data: Record<string, { value: string }>
  page: string
  at: string
}

const inbox = (ports: Pick<Ports, 'db'>) => ports.db.collection<InboxDoc>('inbox')

/** Copies an outbox entry to the 消息 page, once (the entry's key is the copy's). */
export async function copyToInbox(ports: Pick<Ports, 'db'>, entry: OutboxDoc): Promise<void> {
  try {
    await inbox(ports).add({ _id: entry._id, openid: entry.openid, ...(entry.orderId ? { orderId: entry.orderId } : {}), caseId: entry.caseId ?? entry.orderId, template: entry.template, data: entry.data, page: entry.page, at: entry.createdAt })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
}

/** A message about an issued receipt: the approval, or the reminder before it expires. */
const aboutReceipt = (row: InboxDoc): boolean =>
  !!row.orderId && (row.template === 'receipt_expiring' || (row.template === 'review_result' && row.data.phrase3?.value === ORDER_STATUS_WORDS.approved))

/** The receipt numbers of the caller's approved orders among these, by order id (the caller's own orders only). */
async function receiptsOf(ports: Pick<Ports, 'db'>, openid: string, orderIds: string[]): Promise<Map<string, NonNullable<InboxMessage['receipt']>>> {
  const ids = [...new Set(orderIds)]
  if (ids.length === 0) return new Map()
  const rows = await ports.db.collection<OrderDoc>('orders').find({ _id: { $in: ids }, openid, status: 'approved' }, { limit: ids.length })
  return new Map(rows.filter((o) => o.receipt).map((o) => [o._id, { receiptNumber: o.receipt!.receiptNumber, ...(o.receipt!.imageNumber ? { imageNumber: o.receipt!.imageNumber } : {}) }]))
}

/** The 消息 page: the caller's notifications, newest first, rendered with their field labels, and an approved order's whole receipt number. */
export async function listInbox(ports: Ports, openid: string): Promise<InboxMessage[]> {
  const rows = await inbox(ports).find({ openid }, { orderBy: [['at', 'desc']], limit: 100 })
  const receipts = await receiptsOf(ports, openid, rows.filter(aboutReceipt).map((r) => r.orderId!))
  return rows.map((row) => {
    const receipt = aboutReceipt(row) ? receipts.get(row.orderId!) : undefined
    const def = TEMPLATES[row.template]
    const fields: Record<string, { label: string }> = def.fields
    return {
      id: row._id,
      title: def.title,
      fields: Object.entries(row.data).map(([key, { value }]) => ({ label: fields[key]?.label ?? key, value })),
      page: `/${row.page}`,
      at: row.at,
      ...(receipt ? { receipt } : {}),
    }
  })
}

/** How many of the caller's messages arrived after `readAt` (all of them when nothing was read yet). */
export async function countUnread(ports: Pick<Ports, 'db'>, openid: string, readAt: string | undefined): Promise<number> {
  return inbox(ports).count(readAt ? { openid, at: { $gt: readAt } } : { openid })
}

/** The `at` of the caller's newest message, or undefined with an empty inbox. */
export async function newestMessageAt(ports: Pick<Ports, 'db'>, openid: string): Promise<string | undefined> {
  const [row] = await inbox(ports).find({ openid }, { orderBy: [['at', 'desc']], limit: 1 })
  return row?.at
}
