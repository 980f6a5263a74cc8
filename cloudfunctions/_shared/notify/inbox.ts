import { TEMPLATES, type TemplateKey } from '../../../src/domain/notify/templates'
import type { InboxMessage } from '../../../src/domain/order/order.view'
import { DuplicateKeyError, type Ports } from '../ports'
import type { OutboxDoc } from './outbox'

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

/** The 消息 page: the caller's notifications, newest first, rendered with their field labels. */
export async function listInbox(ports: Ports, openid: string): Promise<InboxMessage[]> {
  const rows = await inbox(ports).find({ openid }, { orderBy: [['at', 'desc']], limit: 100 })
  return rows.map((row) => {
    const def = TEMPLATES[row.template]
    const fields: Record<string, { label: string }> = def.fields
    return {
      id: row._id,
      title: def.title,
      fields: Object.entries(row.data).map(([key, { value }]) => ({ label: fields[key]?.label ?? key, value })),
      page: `/${row.page}`,
      at: row.at,
    }
  })
}
