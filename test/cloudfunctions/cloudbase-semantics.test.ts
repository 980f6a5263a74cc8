import { COLLECTIONS } from '../../cloudfunctions/_shared/collections'
import { handleReviewCallback } from '../../cloudfunctions/_shared/review/review-callback.handler'
import { DuplicateKeyError } from '../../cloudfunctions/_shared/ports'
import { setupDatabase } from '../../cloudfunctions/_shared/setup'
import { isDuplicateKey } from '../../cloudfunctions/_shared/wx/wx-db'
import { EMULATOR_COLLECTIONS } from '../../emulator/collections'
import { LocalDb, localWxDatabase, type WireReply } from '../../emulator/local-db'
import { ALICE, makePorts, tempDir, type TestPorts } from '../support/store'
import { checkedPhoto, createOrder, order, payAtCashier, result, signedEvent } from '../support/orders'

/**
 * The emulator's database behaves as CloudBase's does where our code can tell the difference
 * (docs/architecture.md, platform facts; the rest is in docs/cloudbase-differences.md).
 */
describe('the local database keeps CloudBase’s rules', () => {
  let dir: string
  let cleanup: () => void
  beforeAll(() => {
    const t = tempDir()
    dir = t.dir
    cleanup = t.cleanup
  })
  afterAll(() => cleanup())

  let n = 0
  const freshDb = async () => {
    const db = new LocalDb(`${dir}/db${n++}`)
    const { mkdirSync } = await import('node:fs')
    mkdirSync(`${dir}/db${n - 1}`, { recursive: true })
    return db
  }
  const errorOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as Error & { errCode?: number })

  it('refuses a write, a read, a count, an update and a remove on a collection that was never created, with -502005', async () => {
    const db = await freshDb()
    const col = db.collection<{ _id: string; a?: number }>('orders')
    for (const attempt of [col.add({ _id: 'x' }), col.get('x'), col.find({}), col.count({}), col.update({ _id: 'x' }, { set: { a: 1 } }), col.remove({ _id: 'x' })]) {
      const error = await errorOf(attempt)
      expect(error?.errCode).toBe(-502005)
      expect(error?.message).toMatch(/-502005 database collection not exists/)
    }
    await setupDatabase(db, COLLECTIONS.filter((c) => c.name === 'orders'))
    await expect(col.add({ _id: 'x' })).resolves.toEqual({ _id: 'x' })
    expect(await col.get('x')).toEqual({ _id: 'x' })
  })

  it('creates every declared collection and index once: running the setup again creates nothing', async () => {
    const db = await freshDb()
    const first = await setupDatabase(db)
    expect(first.created).toEqual(COLLECTIONS.map((c) => c.name))
    expect(first.indexesCreated).toContain('orders.openid_1_createdAt_-1')
    const again = await setupDatabase(db)
    expect(again).toEqual({ created: [], existing: COLLECTIONS.map((c) => c.name), indexesCreated: [] })
  })

  it('merges a plain object given to update into the stored one, as the SDK’s serializer flattens it, and replaces it under _.set', async () => {
    const db = await freshDb()
    await setupDatabase(db, [{ name: 'loss_cases', holds: '', indexes: [] }])
    const wx = localWxDatabase(db.server)
    const _ = wx.command
    await wx.collection('loss_cases').add({ data: { _id: 'c1', delivery: { method: 'mail', addressSealed: 'sealed' } } })
    await wx.collection('loss_cases').where({ _id: 'c1' }).update({ data: { delivery: { method: 'pickup' } } })
    expect(await db.collection('loss_cases').get('c1')).toEqual({ _id: 'c1', delivery: { method: 'pickup', addressSealed: 'sealed' } })
    await wx.collection('loss_cases').where({ _id: 'c1' }).update({ data: { delivery: _.set({ method: 'pickup' }) } })
    expect(await db.collection('loss_cases').get('c1')).toEqual({ _id: 'c1', delivery: { method: 'pickup' } })
  })

  it('fails a merge into a field that is null, as MongoDB does, and the Db port’s set replaces it instead', async () => {
    const db = await freshDb()
    await setupDatabase(db, [{ name: 'orders', holds: '', indexes: [] }])
    const wx = localWxDatabase(db.server)
    await wx.collection('orders').add({ data: { _id: 'o1', receiptUse: null } })
    const error = await errorOf(wx.collection('orders').where({ _id: 'o1' }).update({ data: { receiptUse: { caseId: 'c1' } } }) as Promise<unknown>)
    expect(error?.errCode).toBe(-502001)
    expect(error?.message).toMatch(/Cannot create field 'caseId' in element \{receiptUse: null\}/)
    expect(await db.collection('orders').update({ _id: 'o1' }, { set: { receiptUse: { caseId: 'c1' } } })).toBe(1)
    expect(await db.collection('orders').get('o1')).toEqual({ _id: 'o1', receiptUse: { caseId: 'c1' } })
  })

  it('returns 100 documents when no limit is given and at most 1000, as the server SDK does', async () => {
    const db = await freshDb()
    await setupDatabase(db, [{ name: 'inbox', holds: '', indexes: [] }])
    const wx = localWxDatabase(db.server)
    const col = db.collection<{ _id: string; i: number }>('inbox')
    for (let i = 0; i < 1100; i++) await col.add({ _id: `m${String(i).padStart(4, '0')}`, i })
    expect(((await wx.collection('inbox').where({}).get()) as unknown as { data: unknown[] }).data).toHaveLength(100)
    expect(((await wx.collection('inbox').where({}).limit(5000).get()) as unknown as { data: unknown[] }).data).toHaveLength(1000)
    expect(await col.find({}, { limit: 5000 })).toHaveLength(1000)
    expect(await col.find({})).toHaveLength(100)
  })

  it('reads null as MongoDB does: null or missing, and $ne null only where the field is there', async () => {
    const db = await freshDb()
    await setupDatabase(db, [{ name: 'photos', holds: '', indexes: [] }])
    const col = db.collection<{ _id: string; usedBy?: string | null }>('photos')
    for (const doc of [{ _id: 'a', usedBy: 'od_1' }, { _id: 'b' }, { _id: 'c', usedBy: null }]) await col.add(doc)
    const ids = async (where: Parameters<typeof col.find>[0]) => (await col.find(where, { orderBy: [['_id', 'asc']] })).map((d) => d._id)
    expect(await ids({ usedBy: null })).toEqual(['b', 'c'])
    expect(await ids({ usedBy: { $eq: null } })).toEqual(['b', 'c'])
    expect(await ids({ usedBy: { $ne: null } })).toEqual(['a'])
    expect(await ids({ usedBy: { $in: [null, 'od_1'] } })).toEqual(['a', 'b', 'c'])
    expect(await ids({ usedBy: { $nin: [null] } })).toEqual(['a'])
    expect(await ids({ usedBy: { $ne: 'od_1' } })).toEqual(['b', 'c'])
  })

  it('answers an existing _id with E11000 inside -502001, which the Db port reports as a duplicate', async () => {
    const db = await freshDb()
    await setupDatabase(db, [{ name: 'callbacks', holds: '', indexes: [] }])
    await db.collection('callbacks').add({ _id: 'cb1' })
    const error = await errorOf(db.collection('callbacks').add({ _id: 'cb1' }))
    expect(error).toBeInstanceOf(DuplicateKeyError)
  })
})

describe('only a duplicate key counts as a duplicate', () => {
  it('recognises MongoDB’s E11000 and nothing else, whatever the code', () => {
    const sdk = (errCode: number, text: string) => Object.assign(new Error(`collection.add:fail ${errCode} database request fail. ${text}`), { errCode, errMsg: `collection.add:fail ${errCode} database request fail. ${text}` })
    expect(isDuplicateKey(sdk(-502001, '[FailedOperation] E11000 duplicate key error collection: outbox index: _id_ dup key: { _id: "k" }'))).toBe(true)
    expect(isDuplicateKey(sdk(-502001, '[InternalError] server timeout'))).toBe(false)
    expect(isDuplicateKey(sdk(-501002, 'resource server timeout'))).toBe(false)
    expect(isDuplicateKey(sdk(-502005, '[ResourceNotFound] Db or Table not exist: outbox'))).toBe(false)
    expect(isDuplicateKey(new Error('socket hang up'))).toBe(false)
  })

  describe('through the review callback', () => {
    let ports: TestPorts
    let cleanup: () => void
    beforeAll(() => {
      const t = tempDir()
      cleanup = t.cleanup
      ports = makePorts(t.dir)
    })
    afterAll(() => cleanup())

    it('answers a transient failure of the nonce write with a retryable error, not as a replayed nonce, and applies the retry', async () => {
      const photo = await checkedPhoto(ports, ALICE)
      const { orderId } = await createOrder(ports, ALICE, photo)
      await payAtCashier(ports, orderId)
      const event = signedEvent(ports, await result(ports, orderId, 'rejected'))
      const handle = ports.db.server.handle.bind(ports.db.server)
      const spy = jest.spyOn(ports.db.server, 'handle').mockImplementation(async (action, params): Promise<WireReply> => {
        if (action === 'database.insertDocument' && params.collectionName === 'callback_nonces') return { requestId: 'r1', code: 'DATABASE_REQUEST_FAILED', message: '[InternalError] server timeout' }
        return handle(action, params)
      })
      const failed = await handleReviewCallback(ports, event).catch((e: Error) => ({ statusCode: 500, body: e.message }))
      spy.mockRestore()
      expect(failed.statusCode).toBeGreaterThanOrEqual(500)
      expect(await ports.db.collection('callbacks_refused').count({ orderId })).toBe(0)
      expect((await order(ports, orderId)).status).toBe('reviewing')
      const retried = await handleReviewCallback(ports, event)
      expect(JSON.parse(retried.body)).toEqual({ ack: true, effect: 'applied' })
      expect((await order(ports, orderId)).status).toBe('rejected')
    })
  })
})

describe('the emulator creates its collections the way a deploy does', () => {
  it('declares its own stand-ins apart from the product’s collections', () => {
    const product = new Set(COLLECTIONS.map((c) => c.name))
    expect(EMULATOR_COLLECTIONS.filter((c) => product.has(c.name))).toEqual([])
  })
})
