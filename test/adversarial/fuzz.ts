import fc from 'fast-check'
import { AppError, isErrorCode } from '@/domain/errors'
import { invoke } from '../../cloudfunctions/_shared/handler'
import type { Caller, Collection, Db, Doc, Ports } from '../../cloudfunctions/_shared/ports'
import { handlePayNotification } from '../../cloudfunctions/_shared/payment/pay-callback.handler'
import { handleReviewCallback } from '../../cloudfunctions/_shared/review/review-callback.handler'
import { FUNCTIONS } from '../../emulator/functions'
import type { Figure } from './kit'

/** Wraps a Db so every write that changed something is counted. */
function counting(db: Db): { db: Db; writes: () => number } {
  let writes = 0
  return {
    writes: () => writes,
    db: {
      collection<T extends Doc>(name: string): Collection<T> {
        const c = db.collection<T>(name)
        return {
          ...c,
          get: (id) => c.get(id),
          find: (w, o) => c.find(w, o),
          count: (w) => c.count(w),
          add: async (doc) => {
            const r = await c.add(doc)
            writes++
            return r
          },
          update: async (w, p) => {
            const n = await c.update(w, p)
            writes += n
            return n
          },
          remove: async (w) => {
            const n = await c.remove(w)
            writes += n
            return n
          },
        }
      },
    },
  }
}

/** Payloads: anything at all, objects with the field names our schemas use and hostile values, and huge strings. */
const FIELDS = ['orderId', 'applicationId', 'caseId', 'photoId', 'fileID', 'specId', 'cityCode', 'documentType', 'applicant', 'idNumber', 'phone', 'name', 'kind', 'reason', 'round', 'decision', 'decisionId', 'query', 'tab', 'status', 'openid', 'version', 'bank', 'materials', 'delivery', 'verificationToken', 'confirm', 'nickname', 'subscribed', '__proto__', 'constructor']
const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('od_000000000000000000000000', 'ca_000000000000000000000000', 'lc_000000000000000000000000', '../../etc/passwd', '{"$gt":""}', '440300', '440000', '11010519491231002X', "'; drop table orders; --", '<script>alert(1)</script>', '\u0000', 'x'.repeat(10_000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
)
const payload = fc.oneof(fc.anything({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...FIELDS), hostile, { maxKeys: 6 }))

/**
 * Fuzz: property-based inputs against every function entry (each action of each user-facing function, and
 * the two system callbacks), `runs` cases each. Every failure must be a coded 4xx (never INTERNAL, never a
 * throw), and a rejected call must write nothing.
 */
export async function fuzz(ports: Ports, cfg: { runs: number; user: Caller; operator: Caller; seed?: number }): Promise<Figure> {
  const counter = counting(ports.db)
  const p: Ports = { ...ports, db: counter.db, log: { info() {}, warn() {}, error() {} } }
  let entries = 0
  let cases = 0
  let unhandled = 0
  let writesOnRejection = 0
  const failures: string[] = []
  for (const [name, def] of Object.entries(FUNCTIONS)) {
    for (const action of Object.keys(def.actions)) {
      entries++
      const caller = def.actions[action].role === 'operator' ? cfg.operator : cfg.user
      await fc.assert(
        fc.asyncProperty(payload, async (data) => {
          cases++
          const before = counter.writes()
          const reply = await invoke(def, { action, data }, caller, p)
          if (!reply.ok) {
            const code = reply.error.code
            if (!isErrorCode(code) || code === 'INTERNAL' || new AppError(code).status >= 500) {
              unhandled++
              if (failures.length < 5) failures.push(`${name}.${action} → ${code}`)
            }
            if (counter.writes() !== before) {
              writesOnRejection++
              if (failures.length < 5) failures.push(`${name}.${action} wrote on ${code}`)
            }
          }
          return true
        }),
        { numRuns: cfg.runs, seed: cfg.seed ?? 42 },
      )
    }
  }
  // The system entries: the pay notification and the review callback take any event and must never throw.
  for (const [name, handler] of [
    ['payCallback', (e: unknown) => handlePayNotification(p, e)],
    ['reviewCallback', (e: unknown) => handleReviewCallback(p, { httpMethod: 'POST', headers: {}, body: typeof e === 'string' ? e : JSON.stringify(e ?? null) })],
  ] as const) {
    entries++
    await fc.assert(
      fc.asyncProperty(payload, async (event) => {
        cases++
        const before = counter.writes()
        try {
          await handler(event)
        } catch {
          unhandled++
          if (failures.length < 5) failures.push(`${name} threw`)
        }
        // Neither an unsigned review callback nor a pay note WeChat Pay has no record of may write anything.
        if (counter.writes() !== before) writesOnRejection++
        return true
      }),
      { numRuns: cfg.runs, seed: cfg.seed ?? 42 },
    )
  }
  return {
    name: 'fuzz',
    tried: `${cases} property-based inputs (fast-check) against ${entries} function entries, ${cfg.runs} each`,
    outcome: `${unhandled} unhandled (non-coded or 5xx) failures, ${writesOnRejection} writes from rejected calls${failures.length ? ` — e.g. ${failures.join('; ')}` : ''}`,
    pass: unhandled === 0 && writesOnRejection === 0,
  }
}
