import cloud from 'wx-server-sdk'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../../../cloudfunctions/_shared/collections'
import { DuplicateKeyError, NotifyError } from '../../../cloudfunctions/_shared/ports'
import { setupDatabase } from '../../../cloudfunctions/_shared/setup'
import { createWxDb } from '../../../cloudfunctions/_shared/wx/wx-db'
import { createWxFiles } from '../../../cloudfunctions/_shared/wx/wx-files'
import { createWxNotifier, createWxPay } from '../../../cloudfunctions/_shared/wx/wx-services'
import { LocalDatabaseServer, LocalDb, type WireReply } from '../../../emulator/local-db'
import { tempDir } from '../../support/store'
import { recordDatabase, recordServices, type SdkCall, type WireCall } from '../../support/wx-standin'

/**
 * Contract of the production adapters (cloudfunctions/_shared/wx) with the real wx-server-sdk: what each
 * port call sends to CloudBase — decoded from the EJSON that `@cloudbase/database`'s serializers wrote — and
 * how CloudBase's answers and errors come back through the SDK's own error mapping.
 */
describe('production adapters against wx-server-sdk', () => {
  let cleanup: () => void
  let server: LocalDatabaseServer
  const wire: WireCall[] = []
  const sdk: SdkCall[] = []
  let failNext: WireReply | undefined
  let db: ReturnType<typeof createWxDb>

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    mkdirSync(path.join(t.dir, 'db'))
    server = new LocalDatabaseServer(path.join(t.dir, 'db'))
    await setupDatabase({ ensureCollection: (n) => server.createCollection(n), ensureIndexes: (n, i) => server.ensureIndexes(n, i) }, COLLECTIONS.filter((c) => c.name !== 'audit_log'))
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    const database = cloud.database()
    recordDatabase(server, wire, () => {
      const reply = failNext
      failNext = undefined
      return reply
    })
    recordServices(cloud, sdk, { notifyErrCode: undefined })
    db = createWxDb(database)
  })
  afterAll(() => cleanup())
  beforeEach(() => {
    wire.length = 0
    sdk.length = 0
  })

  describe('wx-db.ts', () => {
    it('adds a document as one insert of its EJSON', async () => {
      await db.collection('orders').add({ _id: 'od_1', openid: 'o1', status: 'created', totalFee: 1990, applicant: { idLast4: '002X' } } as never)
      expect(wire).toEqual([{ action: 'insertDocument', collection: 'orders', data: [{ _id: 'od_1', openid: 'o1', status: 'created', totalFee: 1990, applicant: { idLast4: '002X' } }] }])
    })

    it('reads one document by a where on _id with limit 1', async () => {
      expect(await db.collection('orders').get('od_1')).toMatchObject({ _id: 'od_1', status: 'created' })
      expect(wire).toEqual([{ action: 'getDocument', collection: 'orders', query: { _id: 'od_1' }, limit: 1 }])
    })

    it('finds with each operator, the order, the offset, and a limit of 100 by default and 1000 at most', async () => {
      await db.collection('orders').find({ openid: 'o1', status: { $in: ['created', 'paid'] }, createdAt: { $gte: 'a', $lt: 'b' }, kind: { $ne: 'x' }, city: { $nin: ['1'] } }, { orderBy: [['createdAt', 'desc']], skip: 20, limit: 5000 })
      await db.collection('orders').find({ status: 'paid' })
      expect(wire).toEqual([
        {
          action: 'getDocument',
          collection: 'orders',
          query: { openid: 'o1', status: { $in: ['created', 'paid'] }, $and: [{ createdAt: { $gte: 'a' } }, { createdAt: { $lt: 'b' } }], kind: { $ne: 'x' }, city: { $nin: ['1'] } },
          order: { createdAt: -1 },
          offset: 20,
          limit: 1000,
        },
        { action: 'getDocument', collection: 'orders', query: { status: 'paid' }, limit: 100 },
      ])
    })

    it('updates in one conditional write: an object replaces the stored one whole, a dotted key changes one field, push appends, inc adds', async () => {
      const changed = await db.collection('orders').update(
        { _id: 'od_1', status: 'created', version: 1 },
        { set: { status: 'paid', receiptUse: { caseId: 'lc_1', kind: 'card_reissue' }, 'applicant.idLast4': '0021', materials: [] }, push: { history: { from: 'created', to: 'paid' } }, inc: { version: 1 } },
      )
      expect(changed).toBe(0)
      expect(wire).toEqual([
        {
          action: 'modifyDocument',
          collection: 'orders',
          query: { _id: 'od_1', status: 'created', version: 1 },
          data: { $set: { status: 'paid', receiptUse: { caseId: 'lc_1', kind: 'card_reissue' }, 'applicant.idLast4': '0021', materials: [] }, $push: { history: { $each: [{ from: 'created', to: 'paid' }] } }, $inc: { version: 1 } },
          multi: true,
          merge: true,
        },
      ])
    })

    it('sets an object into a field that is null (a released receipt claimed again), where a merge would fail', async () => {
      await db.collection('orders').update({ _id: 'od_1' }, { set: { receiptUse: null } })
      expect(await db.collection('orders').update({ _id: 'od_1' }, { set: { receiptUse: { caseId: 'lc_2' } } })).toBe(1)
      expect(await db.collection('orders').get('od_1')).toMatchObject({ receiptUse: { caseId: 'lc_2' } })
      expect(wire.map((w) => w.error)).toEqual([undefined, undefined, undefined])
    })

    it('counts and removes by the same query', async () => {
      expect(await db.collection('orders').count({ openid: 'o1' })).toBe(1)
      expect(await db.collection('orders').remove({ _id: 'od_nothing' })).toBe(0)
      expect(wire).toEqual([
        { action: 'calculateDocument', collection: 'orders', query: { openid: 'o1' } },
        { action: 'removeDocument', collection: 'orders', query: { _id: 'od_nothing' }, multi: true },
      ])
    })

    it('reports an existing _id (E11000 in -502001) as a DuplicateKeyError', async () => {
      await expect(db.collection('orders').add({ _id: 'od_1' } as never)).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(wire[0].error).toBe('DATABASE_REQUEST_FAILED')
    })

    it('lets a transient -502001 through as the SDK’s error, not as a duplicate', async () => {
      failNext = { requestId: 'r1', code: 'DATABASE_REQUEST_FAILED', message: '[InternalError] server timeout' }
      const error = (await db.collection('outbox').add({ _id: 'od_1#1' } as never).then(() => null, (e: unknown) => e)) as Error & { errCode: number }
      expect(error).not.toBeInstanceOf(DuplicateKeyError)
      expect(error.errCode).toBe(-502001)
      expect(error.message).toBe('collection.add:fail -502001 database request fail. [InternalError] server timeout')
      expect(await db.collection('outbox').get('od_1#1')).toBeNull()
    })

    it('fails every request on a collection that was never created with the SDK’s -502005', async () => {
      for (const attempt of [db.collection('audit_log').add({ _id: 'au_1' } as never), db.collection('audit_log').find({})]) {
        const error = await attempt.then(() => null, (e: unknown) => e as Error & { errCode: number })
        expect(error?.errCode).toBe(-502005)
        expect(error).not.toBeInstanceOf(DuplicateKeyError)
      }
    })
  })

  describe('the emulator’s copy of the SDK wrapper (emulator/local-db.ts)', () => {
    it('answers and fails as wx-server-sdk does, for the same requests on the same kind of server', async () => {
      const t = tempDir()
      try {
        mkdirSync(path.join(t.dir, 'db'))
        const local = new LocalDb(path.join(t.dir, 'db'))
        await setupDatabase(local, COLLECTIONS.filter((c) => c.name === 'inbox'))
        await setupDatabase({ ensureCollection: (n) => server.createCollection(n), ensureIndexes: (n, i) => server.ensureIndexes(n, i) }, COLLECTIONS.filter((c) => c.name === 'inbox'))
        const outcome = async (p: Promise<unknown>) =>
          p.then(
            (value) => ({ value }),
            (e: Error & { errCode?: number }) => ({ error: e instanceof DuplicateKeyError ? 'DuplicateKeyError' : `${e.errCode} ${e.message}` }),
          )
        const script = (d: ReturnType<typeof createWxDb>) => [
          () => d.collection('inbox').add({ _id: 'm1', openid: 'o1', at: '1' } as never),
          () => d.collection('inbox').add({ _id: 'm1' } as never),
          () => d.collection('inbox').get('m1'),
          () => d.collection('inbox').get('m-none'),
          () => d.collection('inbox').find({ openid: 'o1' }, { orderBy: [['at', 'desc']] }),
          () => d.collection('inbox').update({ _id: 'm1' }, { set: { read: true }, inc: { n: 1 } }),
          () => d.collection('inbox').update({ _id: 'm1' }, {}),
          () => d.collection('inbox').count({ openid: 'o1' }),
          () => d.collection('inbox').remove({ _id: 'm1' }),
          () => d.collection('audit_log').add({ _id: 'a1' } as never),
          () => d.collection('audit_log').update({ _id: 'a1' }, { set: { x: 1 } }),
        ]
        const real: unknown[] = []
        const emulated: unknown[] = []
        for (const step of script(db)) real.push(await outcome(step()))
        const recorded = wire.length
        for (const step of script(local)) emulated.push(await outcome(step()))
        expect(wire).toHaveLength(recorded)
        expect(emulated).toEqual(real)
        expect(real[1]).toEqual({ error: 'DuplicateKeyError' })
        expect(real[6]).toEqual({ error: '-1 errCode: -1 unknown error | errMsg: options.data must not be empty' })
        expect(real[9]).toMatchObject({ error: expect.stringMatching(/^-502005 collection\.add:fail -502005 database collection not exists\./) })
      } finally {
        t.cleanup()
      }
    })
  })

  describe('wx-files.ts', () => {
    it('uploads, downloads, asks for temporary URLs 50 at a time with their max age, and deletes 50 at a time', async () => {
      const files = createWxFiles(cloud)
      const { fileID } = await files.upload('photos/o1/p1.jpg', Buffer.from('jpeg'))
      expect((await files.download(fileID)).toString()).toBe('jpeg')
      const ids = Array.from({ length: 120 }, (_, i) => `cloud://env-1.bucket/f${i}`)
      const urls = await files.tempUrls(ids, 600)
      expect(urls).toHaveLength(120)
      await files.remove(ids)
      expect(sdk.map((c) => c.api)).toEqual(['uploadFile', 'downloadFile', 'getTempFileURL', 'getTempFileURL', 'getTempFileURL', 'deleteFile', 'deleteFile', 'deleteFile'])
      const batches = sdk.filter((c) => c.api === 'getTempFileURL').map((c) => (c.args as { fileList: Array<{ maxAge: number }> }).fileList)
      expect(batches.map((b) => b.length)).toEqual([50, 50, 20])
      expect(batches.flat().every((f) => f.maxAge === 600)).toBe(true)
      expect(sdk.filter((c) => c.api === 'deleteFile').map((c) => (c.args as { fileList: string[] }).fileList.length)).toEqual([50, 50, 20])
    })
  })

  describe('wx-services.ts', () => {
    it('sends a subscribe message to the user’s openid with the template and page, as the formal version', async () => {
      await createWxNotifier(cloud).send({ openid: 'o1', templateId: 'tpl-1', page: 'pages/orders/index', data: { thing1: { value: '照片回执' } } })
      expect(sdk).toEqual([{ api: 'openapi.subscribeMessage.send', args: { touser: 'o1', templateId: 'tpl-1', page: 'pages/orders/index', data: { thing1: { value: '照片回执' } }, miniprogramState: 'formal' } }])
    })

    it('maps WeChat’s errcode: 43101 (no quota) is permanent, a system error is not', async () => {
      for (const [errCode, permanent] of [[43101, true], [-1, false]] as const) {
        const calls: SdkCall[] = []
        const stub = {}
        recordServices(stub, calls, { notifyErrCode: errCode })
        const error = await createWxNotifier(stub as typeof cloud).send({ openid: 'o1', templateId: 't', page: 'p', data: {} }).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(NotifyError)
        expect(error).toMatchObject({ errcode: errCode, permanent })
      }
    })

    it('asks cloudPay for a prepay order that calls back the payCallback function', async () => {
      const payment = await createWxPay(cloud, 'mch-1', 'env-1').unifiedOrder({ outTradeNo: 'od_1', totalFee: 1990, body: '照片回执', openid: 'o1', expiresAt: '2026-11-24T04:30:00.000Z' })
      expect(payment).toMatchObject({ kind: 'wechat', package: 'prepay_id=wx1' })
      expect(sdk[0]).toMatchObject({ api: 'cloudPay.unifiedOrder', args: { outTradeNo: 'od_1', totalFee: 1990, body: '照片回执', subMchId: 'mch-1', envId: 'env-1', functionName: 'payCallback', timeExpire: '20261124123000' } })
    })
  })
})
