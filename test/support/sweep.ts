import { encryptField } from '../../cloudfunctions/_shared/crypto'
import type { Collection, Db, Doc } from '../../cloudfunctions/_shared/ports'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import type { TestPorts } from './store'

/** Builders for the sweeper's scale tests: documents written straight into the store, as earlier flows leave them. */

const DAY = 86_400_000
const pad = (i: number) => i.toString(16).padStart(24, '0')

/**
 * A stored order of `openid`; by default an approved 身份证 receipt from 深圳 (a validity with a source, 180 days, so it
 * is reminded of) that expires in `expiresInDays`.
 */
export function storedOrder(ports: TestPorts, i: number, openid: string, over: Partial<OrderDoc> & { expiresInDays?: number } = {}): OrderDoc {
  const now = ports.clock.now()
  const { expiresInDays = 150, ...rest } = over
  return {
    _id: `od_${pad(i)}`,
    openid,
    status: 'approved',
    version: 4,
    documentType: 'id-card',
    cityCode: '440300',
    cityName: '深圳市',
    specId: 'id-card',
    photoId: `ph_${pad(i)}`,
    photoFileID: `cloud://local.huizhi/photos/normalized/${i}.jpg`,
    applicant: { name: '陈小梅', idNumberSealed: encryptField(ports.config.dataKey, '11010519491231002X'), idNumberMasked: '110105********002X', phoneSealed: encryptField(ports.config.dataKey, '13912345678'), phoneMasked: '139****5678', idLast4: '002X', phoneLast4: '5678' },
    amountFen: 1990,
    history: [],
    submissions: [],
    receipt: { receiptNumber: `HZ${pad(i)}`, approvedAt: now.toISOString(), expiresAt: new Date(now.getTime() + expiresInDays * DAY).toISOString() },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...rest,
  } as OrderDoc
}

/** A checked photo (its file stored) created `daysAgo` days ago. */
export async function storedPhoto(ports: TestPorts, i: number, openid: string, daysAgo: number): Promise<{ _id: string; fileID: string }> {
  const { fileID } = await ports.files.upload(`photos/normalized/${openid}/${i}.jpg`, Buffer.from(`photo ${i}`))
  const createdAt = new Date(ports.clock.now().getTime() - daysAgo * DAY - i * 1000).toISOString()
  const doc = { _id: `ph_${pad(i)}`, openid, specId: 'ssc-shenzhen', specVersion: 1, fileID, checks: [], createdAt }
  await ports.db.collection('photos').add(doc)
  return doc
}

/**
 * Counts every database call by `collection.method` and moves the test clock on by `msPerCall` for each one:
 * the clock the sweeper's budget reads, so a run spends its budget as it would against a slow database.
 */
export function instrument(ports: TestPorts, msPerCall: number): { calls: Record<string, number>; first: string[]; total(): number; reset(): void } {
  const inner = ports.db
  const calls: Record<string, number> = {}
  /** Each `collection.method` in the order of its first call. */
  const first: string[] = []
  const db: Db = {
    collection<T extends Doc>(name: string): Collection<T> {
      const col = inner.collection<T>(name)
      const wrap =
        <A extends unknown[], R>(method: string, fn: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          if (!calls[`${name}.${method}`]) first.push(`${name}.${method}`)
          calls[`${name}.${method}`] = (calls[`${name}.${method}`] ?? 0) + 1
          ports.setNow(new Date(ports.clock.now().getTime() + msPerCall).toISOString())
          return fn(...args)
        }
      return {
        get: wrap('get', col.get.bind(col)),
        add: wrap('add', col.add.bind(col)),
        find: wrap('find', col.find.bind(col)),
        count: wrap('count', col.count.bind(col)),
        update: wrap('update', col.update.bind(col)),
        remove: wrap('remove', col.remove.bind(col)),
      }
    },
  }
  ports.db = Object.assign(Object.create(inner) as typeof inner, { collection: db.collection })
  return {
    calls,
    first,
    total: () => Object.values(calls).reduce((a, b) => a + b, 0),
    reset: () => {
      for (const k of Object.keys(calls)) delete calls[k]
      first.length = 0
    },
  }
}
