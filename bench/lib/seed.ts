import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const STATES = ['created', 'paid', 'reviewing', 'approved', 'rejected', 'cancelled', 'refunded']

export function order(i: number, openid: string, now: number) {
  const at = new Date(now - (i % 20_000) * 60_000).toISOString()
  const status = STATES[i % STATES.length]
  return {
    _id: `od_${i.toString(16).padStart(24, '0')}`,
    openid,
    status,
    statusText: status,
    version: 1,
    documentType: 'social-security-card',
    cityCode: '440300',
    cityName: '深圳市',
    specId: 'ssc-shenzhen',
    photoId: 'ph_000000000000000000000000',
    photoFileID: 'cloud://local.huizhi/photos/normalized/none.jpg',
    applicant: { name: '王小明', idNumberSealed: 'v1.x.y.z', idNumberMasked: '110105********002X', phoneSealed: 'v1.x.y.z', phoneMasked: '138****5678', idLast4: '002X', phoneLast4: String(i % 10_000).padStart(4, '0') },
    amountFen: 1990,
    history: [{ from: 'created', to: 'created', actor: 'user', at }],
    submissions: [],
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * Writes `total` receipt orders straight into the store's file for `orders` (NeDB's line format), the first
 * 20 belonging to `me` and the rest spread over 5,000 other users, so seeding 100k orders takes seconds.
 */
export function writeOrders(dataDir: string, total: number, me: string): void {
  const now = Date.now()
  const lines: string[] = []
  for (let i = 0; i < total; i++) lines.push(JSON.stringify(order(i, i < 20 ? me : `oOTHER${(i % 5000).toString().padStart(22, '0')}`, now)))
  mkdirSync(path.join(dataDir, 'db'), { recursive: true })
  writeFileSync(path.join(dataDir, 'db', 'orders.db'), lines.join('\n') + '\n')
}

export const orderIdOf = (i: number) => `od_${i.toString(16).padStart(24, '0')}`
