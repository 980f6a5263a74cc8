import { readFileSync } from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/_shared/collections'

/** The security rules checked in for CloudBase say what the README says they do. */
const root = path.resolve(__dirname, '../..')
const read = (file: string) => JSON.parse(readFileSync(path.join(root, 'cloudbase', file), 'utf8'))

describe('CloudBase rules and collections', () => {
  const db = read('database.rules.json') as Record<string, { read: string | boolean; write: string | boolean }>

  it('covers every declared collection, and lets no client write anything directly', () => {
    expect(Object.keys(db).sort()).toEqual(COLLECTIONS.map((c) => c.name).sort())
    for (const rule of Object.values(db)) expect(rule.write).toBe(false)
  })

  it('lets a client read only its own users, photos, orders and inbox documents, and nothing else', () => {
    for (const name of ['photos', 'orders', 'inbox']) expect(db[name].read).toBe('doc.openid == auth.openid')
    expect(db.users.read).toBe('doc._openid == auth.openid')
    for (const name of ['operators', 'outbox', 'subscriptions', 'callbacks', 'callbacks_refused', 'callback_nonces', 'audit_log', 'cancellations', 'loss_cases']) expect(db[name].read).toBe(false)
  })

  it('keeps files private: no direct reads, uploads only of the caller’s own raw photos and cancellation proofs', () => {
    const storage = read('storage.rules.json') as { read: unknown; write: string }
    expect(storage.read).toBe(false)
    expect(storage.write).toContain("resource.path.startsWith('photos/raw/')")
    expect(storage.write).toContain("resource.path.startsWith('cancellations/')")
    expect(storage.write).toContain('resource.openid == auth.openid')
  })

  it('declares the indexes the queries need: orders by user and time, by status and update time', () => {
    const orders = COLLECTIONS.find((c) => c.name === 'orders')!
    expect(orders.indexes.map((i) => i.fields.map(([f]) => f).join('+'))).toEqual(expect.arrayContaining(['openid+createdAt', 'status+updatedAt']))
  })
})
