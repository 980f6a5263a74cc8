import { readFileSync } from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/_shared/collections'

/** The security rules checked in for CloudBase say what the README says they do. */
const root = path.resolve(__dirname, '../..')
const read = (file: string) => JSON.parse(readFileSync(path.join(root, 'cloudbase', file), 'utf8'))

/**
 * Evaluates a rule expression the way CloudBase's rule language reads it. The language is a JavaScript-like
 * subset (comparisons, &&, ||, member access, regular-expression literals with `test`), so JavaScript evaluates
 * the rules checked in here exactly; a method the language lacks is rejected by the test below, not here.
 */
function evaluate(expression: string, scope: Record<string, unknown>): unknown {
  return new Function(...Object.keys(scope), `return (${expression})`)(...Object.values(scope))
}

describe('CloudBase rules and collections', () => {
  const db = read('database.rules.json') as Record<string, { read: string | boolean; write: string | boolean }>

  it('covers every declared collection, and lets no client write anything directly', () => {
    expect(Object.keys(db).sort()).toEqual(COLLECTIONS.map((c) => c.name).sort())
    for (const rule of Object.values(db)) expect(rule.write).toBe(false)
  })

  it('lets a client read only its own users, photos, orders and inbox documents, and nothing else', () => {
    for (const name of ['photos', 'orders', 'inbox']) expect(db[name].read).toBe('doc.openid == auth.openid')
    for (const name of ['operators', 'outbox', 'subscriptions', 'callbacks', 'callbacks_refused', 'callback_nonces', 'sweeper_state', 'audit_log', 'cancellations', 'loss_cases', 'family_profiles']) expect(db[name].read).toBe(false)
  })

  it('lets a user read their own users document, which the user function writes keyed by openid and without `_openid`', () => {
    // `_openid` is added by CloudBase only to documents a client creates; ours are written by a function.
    expect(db.users.read).toBe('doc._id == auth.openid')
    const source = readFileSync(path.join(root, 'cloudfunctions/user/user.function.ts'), 'utf8')
    expect(source).toMatch(/const doc: UserDoc = \{ _id: ctx\.caller\.openid,/)
    const readable = (doc: Record<string, unknown>, openid: string) => evaluate(db.users.read as string, { doc, auth: { openid } })
    expect(readable({ _id: 'oALICE', nickname: '微信用户' }, 'oALICE')).toBe(true)
    expect(readable({ _id: 'oALICE', nickname: '微信用户' }, 'oBOB')).toBe(false)
  })

  it('keeps files private: no direct reads, uploads only of the caller’s own raw photos and cancellation proofs', () => {
    const storage = read('storage.rules.json') as { read: unknown; write: string }
    expect(storage.read).toBe(false)
    const may = (openid: string, owner: string, filePath: string) => evaluate(storage.write, { auth: { openid }, resource: { openid: owner, path: filePath } })
    expect(may('oALICE', 'oALICE', 'photos/raw/ab12/t1.jpg')).toBe(true)
    expect(may('oALICE', 'oALICE', 'cancellations/ab12/proof.pdf')).toBe(true)
    expect(may('oALICE', 'oBOB', 'photos/raw/ab12/t1.jpg')).toBe(false)
    expect(may('oALICE', 'oALICE', 'photos/normalized/ab12/t1.jpg')).toBe(false)
    expect(may('oALICE', 'oALICE', 'photos/rawx/t1.jpg')).toBe(false)
    expect(may('oALICE', 'oALICE', 'x/photos/raw/t1.jpg')).toBe(false)
  })

  it('uses only what CloudBase’s storage-rule language documents: comparisons, && and ||, and /regex/.test(x) compared with == true', () => {
    // https://docs.cloudbase.net/storage/security-rules: regular-expression literals with `test`, whose result must be
    // compared with true explicitly; no string methods (startsWith, includes, …) are documented.
    const storage = read('storage.rules.json') as { write: string }
    const calls = [...storage.write.matchAll(/\.(\w+)\(/g)].map((m) => m[1])
    expect(calls.length).toBeGreaterThan(0)
    expect(new Set(calls)).toEqual(new Set(['test']))
    for (const m of storage.write.matchAll(/\/[^ ]+\/\.test\([^)]*\)( == true)?/g)) expect(m[1]).toBe(' == true')
    // No escapes to double inside the JSON string: the slash is the class [/].
    expect(storage.write).not.toContain('\\')
  })

  it('declares the indexes the queries need: orders by user and time, by status and update time', () => {
    const orders = COLLECTIONS.find((c) => c.name === 'orders')!
    expect(orders.indexes.map((i) => i.fields.map(([f]) => f).join('+'))).toEqual(expect.arrayContaining(['openid+createdAt', 'status+updatedAt']))
  })
})
