import { randomBytes } from 'node:crypto'
import { existsSync, promises as fs, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { AppError, type ErrorBody, type Reply } from '../src/domain/errors'
import { parseInput } from '../src/domain/validation'
import { invoke, type FunctionDef } from '../cloudfunctions/_shared/handler'
import { silentLogger } from '../cloudfunctions/_shared/log'
import { READ_ACTIONS, SECURITY_HEADERS, WriteLimiter, appCsp } from './security'
import type { Logger, Ports } from '../cloudfunctions/_shared/ports'
import { CreateDevUserInput, DEV_SESSION_COOKIE, DEV_SESSION_HEADER, DevIdentity, SelectDevUserInput } from './dev-identity'
import { devSwitcherPage } from './dev-page'
import { FUNCTIONS, SYSTEM_FUNCTIONS } from './functions'
import { EMULATOR_COLLECTIONS } from './collections'
import { LocalDb } from './local-db'
import { setupDatabase } from '../cloudfunctions/_shared/setup'
import { LocalFiles, checkCloudPath } from './local-files'
import { SimulatedCenter } from './center-sim'
import { cashierPage } from './cashier-page'
import { LocalCashier, createLocalNotifier, createLocalPay, localConfig } from './local-services'
import { createCenter, providerNameFromEnv } from '../cloudfunctions/_shared/provider/select'
import { ClipImgSim, SIM_TYPE_MAP, ZjzapiSim } from './provider-sims'
import type { ProviderName } from '../src/domain/provider/receipt-provider'
import { appendAudit } from '../cloudfunctions/_shared/audit'
import { isOrderId } from '../src/domain/order/order.schema'
import type { PayAck } from '../cloudfunctions/_shared/payment/pay-callback.handler'
import type { HttpReply } from '../cloudfunctions/_shared/review/review-callback.handler'
import type { sweep } from '../cloudfunctions/_shared/sweep/sweeper'
import { SOURCES, invokeSystem, isRefusal } from '../cloudfunctions/_shared/system'
import { sweeperEntry } from '../cloudfunctions/sweeper/sweeper.function'

/**
 * The SOURCE the emulator gives calls through its HTTP access route. CloudBase's HTTP access is not a
 * WeChat source ("其他：非微信端触发" in getWXContext's list); what matters is that it is not a client's.
 */
export const LOCAL_HTTP_ACCESS_SOURCE = 'local_http_access'

/** callFunction payloads stay far below this; CloudBase itself caps them at about 100 KB. */
export const MAX_JSON_BYTES = 1024 * 1024
/** Uploads larger than this are refused before they are stored. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export interface EmulatorOptions {
  dataDir: string
  port?: number
  host?: string
  /** The built H5 app to serve; omitted in API-only tests. */
  staticDir?: string
  functions?: Readonly<Record<string, FunctionDef>>
  /** Openids treated as operators in addition to the `operators` collection. */
  operatorOpenids?: readonly string[]
  logger?: Logger
  now?: () => Date
  /** Writes each user may burst, refilled at `writesPerSecond` (0 turns the limit off). Defaults: 60 and 2. */
  writeBurst?: number
  writesPerSecond?: number
  /** How often the sweeper runs (auto-cancel, resubmission, notifications); 0 turns it off (tests drive it). */
  sweepIntervalMs?: number
  /** The receipt provider the functions speak to, each simulated on loopback (default: HUIZHI_PROVIDER, else our own contract). */
  provider?: ProviderName
}

export interface Emulator {
  url: string
  port: number
  db: LocalDb
  identity: DevIdentity
  ports: Ports
  /** The simulated provider behind the review desk: our center, or the zjzapi / 可立图 simulator. */
  center: SimulatedCenter
  provider: ProviderName
  /** The simulated WeChat Pay (cashier page, queryOrder, closeOrder, refund). */
  cashier: LocalCashier
  /** Runs one sweep now (tests call it instead of waiting for the interval). */
  sweep(): ReturnType<typeof sweep>
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Types a stored (user-uploaded) file may be served as. */
const FILE_MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.pdf': 'application/pdf' }

class TooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      req.resume()
      reject(new TooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      if (!over) chunks.push(chunk)
    })
    req.on('end', () => (over ? reject(new TooLarge()) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
  })
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(text)
}

function sendError(res: http.ServerResponse, error: AppError, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, { ok: false, error: error.toBody() } satisfies Reply<never>, headers)
}

function cookieValue(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...rest] = part.trim().split('=')
    if (k === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

function loadSecret(dataDir: string): string {
  const file = path.join(dataDir, 'emulator-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/** Starts the local emulator: the H5 app, every cloud function in-process, the embedded store and files. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const dataDir = path.resolve(options.dataDir)
  mkdirSync(path.join(dataDir, 'db'), { recursive: true })
  mkdirSync(path.join(dataDir, 'files'), { recursive: true })
  const now = options.now ?? (() => new Date())
  const functions = options.functions ?? FUNCTIONS
  const db = new LocalDb(path.join(dataDir, 'db'))
  await db.open()
  // What a deploy does first: every collection and index (CloudBase refuses requests on a missing collection).
  await setupDatabase(db)
  await setupDatabase(db, EMULATOR_COLLECTIONS)
  let baseUrl = ''
  const secret = loadSecret(dataDir)
  const files = new LocalFiles(path.join(dataDir, 'files'), secret, () => baseUrl)
  const log = options.logger ?? silentLogger
  const provider = options.provider ?? providerNameFromEnv(process.env.HUIZHI_PROVIDER)
  const config = localConfig(secret, provider)
  const cashier = new LocalCashier(db, now)
  const centerOptions = {
    db,
    now,
    submitSecret: config.centerSubmitSecret,
    callbackSecret: config.centerCallbackSecret,
    callbackUrl: () => `${baseUrl}/api/callbacks/review`,
  }
  const simOptions = { ...centerOptions, apiKey: config.provider.apiKey, files, baseUrl: () => baseUrl }
  const center = provider === 'zjzapi' ? new ZjzapiSim(simOptions) : provider === 'clipimg' ? new ClipImgSim(simOptions) : new SimulatedCenter(centerOptions)
  const providerBase = (url: string) => ({ huizhi: `${url}/center`, zjzapi: `${url}/zjzapi`, clipimg: `${url}/clipimg/app/receipt_api.php` })[provider]
  const makeCenter = (url: string) =>
    createCenter({ provider: config.provider, baseUrl: providerBase(url), centerSubmitSecret: config.centerSubmitSecret, callbackBase: `${url}/api/callbacks/review`, types: SIM_TYPE_MAP, simulate: true, costFen: 500, now })
  /** Like CloudBase storage, the uploader's record goes with the file: removing a file drops its owner row. */
  const owned: Ports['files'] = {
    upload: (cloudPath, content) => files.upload(cloudPath, content),
    download: (fileID) => files.download(fileID),
    tempUrls: (fileIDs, maxAge) => files.tempUrls(fileIDs, maxAge),
    async remove(fileIDs) {
      await files.remove(fileIDs)
      if (fileIDs.length) await db.collection('file_owners').remove({ _id: { $in: [...fileIDs] } })
    },
  }
  const ports: Ports = {
    db,
    files: owned,
    clock: { now },
    log,
    operatorOpenids: new Set(options.operatorOpenids ?? []),
    pay: createLocalPay(cashier, () => baseUrl),
    notifier: createLocalNotifier(db, now),
    center: makeCenter('http://127.0.0.1:0'),
    config,
  }
  const identity = new DevIdentity(db, now)
  await identity.seed()
  const staticDir = options.staticDir ? path.resolve(options.staticDir) : undefined

  const limiter = new WriteLimiter(options.writeBurst ?? Number(process.env.HUIZHI_WRITE_BURST ?? 60), options.writesPerSecond ?? 2)
  let appHtml: { body: Buffer; csp: string } | undefined

  const sessionUser = (req: http.IncomingMessage) =>
    identity.resolve((req.headers[DEV_SESSION_HEADER] as string | undefined) ?? cookieValue(req, DEV_SESSION_COOKIE))

  async function readJson(req: http.IncomingMessage): Promise<unknown> {
    let raw: Buffer
    try {
      raw = await readBody(req, MAX_JSON_BYTES)
    } catch (error) {
      if (error instanceof TooLarge) throw new AppError('PAYLOAD_TOO_LARGE', '提交的内容超过 1 MB，请精简后重试')
      throw error
    }
    if (raw.length === 0) return undefined
    try {
      return JSON.parse(raw.toString('utf8'))
    } catch {
      throw new AppError('BAD_JSON')
    }
  }

  async function callFunction(name: string, req: http.IncomingMessage, res: http.ServerResponse) {
    const def = Object.prototype.hasOwnProperty.call(functions, name) ? functions[name] : undefined
    const system = Object.prototype.hasOwnProperty.call(SYSTEM_FUNCTIONS, name) ? SYSTEM_FUNCTIONS[name] : undefined
    if (!def && !system) throw new AppError('UNKNOWN_FUNCTION', `服务不存在：${name.slice(0, 32)}`)
    const user = await sessionUser(req)
    const event = await readJson(req)
    if (system) {
      // As on CloudBase, a client may call a system function: the entry itself refuses the client's source.
      if (!limiter.take(user.openid)) throw new AppError('RATE_LIMITED')
      const answer = await invokeSystem(system, event, { source: SOURCES.client, openid: user.openid }, ports)
      return sendJson(res, isRefusal(answer) ? 403 : 200, answer)
    }
    if (!def) throw new AppError('UNKNOWN_FUNCTION')
    const action = event && typeof event === 'object' ? (event as { action?: unknown }).action : undefined
    if (!(typeof action === 'string' && READ_ACTIONS.has(action)) && !limiter.take(user.openid)) {
      log.warn('write rate limit', { fn: name, action: typeof action === 'string' ? action.slice(0, 32) : '?' })
      throw new AppError('RATE_LIMITED')
    }
    const reply = await invoke(def, event, { openid: user.openid, appid: 'local' }, ports)
    const status = reply.ok ? 200 : new AppError(reply.error.code).status
    sendJson(res, status, reply)
  }

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const user = await sessionUser(req)
    if (!limiter.take(user.openid)) throw new AppError('RATE_LIMITED')
    const cloudPath = checkCloudPath(url.searchParams.get('cloudPath') ?? '')
    let content: Buffer
    try {
      content = await readBody(req, MAX_UPLOAD_BYTES)
    } catch (error) {
      if (error instanceof TooLarge) throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 10 MB，请换一个较小的文件')
      throw error
    }
    const owners = db.collection<{ _id: string; openid: string; uploadedAt: string; bytes: number }>('file_owners')
    const fileID = `cloud://local.huizhi/${cloudPath}`
    const owner = await owners.get(fileID)
    if (owner && owner.openid !== user.openid) throw new AppError('FORBIDDEN')
    await files.upload(cloudPath, content)
    if (owner) await owners.update({ _id: fileID }, { set: { uploadedAt: now().toISOString(), bytes: content.length } })
    else await owners.add({ _id: fileID, openid: user.openid, uploadedAt: now().toISOString(), bytes: content.length })
    sendJson(res, 200, { ok: true, data: { fileID } })
  }

  async function serveSignedFile(res: http.ServerResponse, url: URL) {
    const cloudPath = decodeURIComponent(url.pathname.slice('/files/'.length))
    const bytes = await files.readSigned(cloudPath, Number(url.searchParams.get('expires')), url.searchParams.get('sig') ?? '', Math.floor(now().getTime() / 1000))
    // Stored files are users' uploads: only images and PDF get their own type, never HTML or SVG on our origin.
    const type = FILE_MIME[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream'
    res.writeHead(200, { 'content-type': type, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'", ...(type === 'application/octet-stream' ? { 'content-disposition': 'attachment' } : {}) })
    res.end(bytes)
  }

  async function serveStatic(res: http.ServerResponse, url: URL) {
    if (!staticDir) throw new AppError('NOT_FOUND')
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
    let file = path.join(staticDir, rel)
    if (!file.startsWith(staticDir)) throw new AppError('NOT_FOUND')
    const stat = await fs.stat(file).catch(() => null)
    if (!stat || stat.isDirectory()) file = path.join(staticDir, 'index.html')
    const body = await fs.readFile(file).catch(() => null)
    if (!body) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('H5 应用尚未构建：请运行 npm run build:h5')
      return
    }
    const ext = path.extname(file).toLowerCase()
    if (ext === '.html' && appHtml?.body.equals(body) !== true) appHtml = { body, csp: appCsp(body.toString('utf8'), process.env.TARO_APP_API_BASE) }
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
      ...(ext === '.html' && appHtml ? { 'content-security-policy': appHtml.csp } : {}),
    })
    res.end(body)
  }

  /** The provider simulator's own API (`/zjzapi/...`, `/clipimg/...`) and its receipt images; false when the path is not one. */
  async function providerRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, method: string): Promise<boolean> {
    if (!(center instanceof ZjzapiSim || center instanceof ClipImgSim)) return false
    const simPath = /^\/(zjzapi|clipimg\/app\/receipt_api\.php)(\/[a-z_/]+)$/.exec(url.pathname)
    if (simPath && method === 'POST' && simPath[1].startsWith(center instanceof ZjzapiSim ? 'zjzapi' : 'clipimg')) {
      const raw = await readBody(req, 8 * 1024 * 1024)
      const out = await center.http(simPath[2], req.headers['content-type'] ?? '', raw.toString('utf8'))
      res.writeHead(out.status, { 'content-type': out.contentType, 'cache-control': 'no-store' })
      res.end(out.body)
      return true
    }
    const receiptPng = /^\/providers\/receipt\/([A-Za-z0-9]{4,40})\.png$/.exec(url.pathname)
    if (receiptPng && method === 'GET') {
      const png = await center.receiptImage(receiptPng[1])
      if (!png) throw new AppError('NOT_FOUND')
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' })
      res.end(png)
      return true
    }
    return false
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local')
    const method = req.method ?? 'GET'
    const fnMatch = /^\/api\/functions\/([^/]+)$/.exec(url.pathname)
    if (fnMatch) {
      if (method !== 'POST') throw new AppError('METHOD_NOT_ALLOWED')
      return callFunction(decodeURIComponent(fnMatch[1]), req, res)
    }
    if (url.pathname === '/api/files') {
      if (method !== 'PUT' && method !== 'POST') throw new AppError('METHOD_NOT_ALLOWED')
      return upload(req, res, url)
    }
    if (url.pathname.startsWith('/files/') && method === 'GET') return serveSignedFile(res, url)
    if (url.pathname === '/api/callbacks/review') {
      let raw: Buffer
      try {
        raw = await readBody(req, MAX_JSON_BYTES)
      } catch (error) {
        if (error instanceof TooLarge) throw new AppError('PAYLOAD_TOO_LARGE')
        throw error
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, val]) => [k.toLowerCase(), Array.isArray(val) ? val[0] : val]))
      const event = { httpMethod: method, path: url.pathname, headers, queryStringParameters: Object.fromEntries(url.searchParams), body: raw.toString('utf8') }
      const answer = await invokeSystem(SYSTEM_FUNCTIONS.reviewCallback, event, { source: LOCAL_HTTP_ACCESS_SOURCE }, ports)
      if (isRefusal(answer)) return sendJson(res, 403, answer)
      const reply = answer as HttpReply
      res.writeHead(reply.statusCode, reply.headers)
      res.end(reply.body)
      return
    }
    if (url.pathname === '/center/v1/submissions' && method === 'POST') {
      const raw = await readBody(req, MAX_JSON_BYTES)
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, val]) => [k.toLowerCase(), Array.isArray(val) ? val[0] : val]))
      const out = await center.submitHttp(headers, raw.toString('utf8'))
      return sendJson(res, out.status, out.json)
    }
    if (url.pathname === '/center/queue' || url.pathname === '/center/decide') {
      const user = await sessionUser(req)
      const isOperator = user.role === 'operator' || ports.operatorOpenids.has(user.openid)
      if (!isOperator) {
        log.warn('non-operator at the review desk', { openid: user.openid })
        throw new AppError('FORBIDDEN')
      }
      if (url.pathname === '/center/queue' && method === 'GET') return sendJson(res, 200, { ok: true, data: await center.queue() })
      if (url.pathname === '/center/decide' && method === 'POST') {
        const decided = await center.decide(await readJson(req))
        await appendAudit(ports, { operator: user.openid, action: decided.status === 'approved' ? 'review.approve' : 'review.reject', target: decided.orderId, reason: decided.status === 'rejected' ? decided.reasonLabel : undefined })
        return sendJson(res, 200, { ok: true, data: decided })
      }
      throw new AppError('METHOD_NOT_ALLOWED')
    }
    if (url.pathname === '/__cashier' && method === 'GET') {
      const orderId = url.searchParams.get('orderId') ?? ''
      const trade = isOrderId(orderId) ? await cashier.trade(orderId) : null
      const pending = trade && !trade.closedAt ? trade : null
      res.writeHead(pending ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(cashierPage(pending))
      return
    }
    if (url.pathname === '/__cashier/pay' && method === 'POST') {
      const { orderId } = (await readJson(req)) as { orderId?: string }
      if (!isOrderId(orderId)) throw new AppError('ORDER_NOT_FOUND')
      // The user pays; WeChat Pay then notifies payCallback, with its own source.
      const note = await cashier.pay(orderId)
      const ack = await invokeSystem(SYSTEM_FUNCTIONS.payCallback, note, { source: SOURCES.payCallback }, ports)
      return sendJson(res, 200, { ok: (ack as PayAck).errcode === 0, data: { returnUrl: `/#/features/receipt/pages/result/index?orderId=${orderId}` } })
    }
    if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true, data: { status: 'up' } })
    if (url.pathname === '/api/dev/users') {
      if (method === 'GET') return sendJson(res, 200, { ok: true, data: await identity.list() })
      if (method === 'POST') {
        const input = parseInput(CreateDevUserInput, await readJson(req))
        return sendJson(res, 201, { ok: true, data: await identity.createFromInput(input) })
      }
      throw new AppError('METHOD_NOT_ALLOWED')
    }
    if (url.pathname === '/api/dev/session') {
      if (method === 'GET') return sendJson(res, 200, { ok: true, data: await sessionUser(req) })
      if (method === 'POST') {
        const { userId } = parseInput(SelectDevUserInput, await readJson(req))
        const user = await identity.resolve(userId)
        return sendJson(res, 200, { ok: true, data: user }, { 'set-cookie': `${DEV_SESSION_COOKIE}=${user._id}; Path=/; SameSite=Lax; HttpOnly` })
      }
      throw new AppError('METHOD_NOT_ALLOWED')
    }
    if (url.pathname === '/__dev' || url.pathname === '/__dev/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(devSwitcherPage())
      return
    }
    if (url.pathname.startsWith('/api/')) throw new AppError('NOT_FOUND')
    if (method !== 'GET' && method !== 'HEAD') throw new AppError('METHOD_NOT_ALLOWED')
    return serveStatic(res, url)
  }

  const server = http.createServer((req, res) => {
    for (const [k, val] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, val)
    providerRoute(req, res, new URL(req.url ?? '/', 'http://local'), req.method ?? 'GET')
      .then((served) => (served ? undefined : route(req, res)))
      .catch((error: unknown) => {
      if (res.headersSent) return res.destroy()
      if (error instanceof AppError) return sendError(res, error)
      log.error('emulator request failed', { url: req.url, error: error instanceof Error ? error.stack : String(error) })
      sendJson(res, 500, { ok: false, error: new AppError('INTERNAL').toBody() satisfies ErrorBody })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`
  ports.center = makeCenter(baseUrl)

  let sweeping: Promise<unknown> = Promise.resolve()
  const runSweep = () => {
    const run = sweeping.then(async () => {
      const report = await invokeSystem(sweeperEntry, { Type: 'Timer', TriggerName: 'sweep-every-minute' }, { source: SOURCES.timer }, ports)
      if (isRefusal(report)) throw new Error('the local timer was refused')
      await center.deliverCallbacks()
      await cashier.deliverRefundNotices((note) => invokeSystem(SYSTEM_FUNCTIONS.payCallback, note, { source: SOURCES.payCallback }, ports))
      return report
    })
    sweeping = run.catch((error: unknown) => log.error('sweep failed', { error: error instanceof Error ? error.message : String(error) }))
    return run
  }
  const interval = options.sweepIntervalMs ?? 2000
  const timer = interval > 0 ? setInterval(() => void runSweep().catch(() => undefined), interval) : undefined

  return {
    url: baseUrl,
    port,
    db,
    identity,
    ports,
    center,
    provider,
    cashier,
    sweep: runSweep,
    async close() {
      if (timer) clearInterval(timer)
      await sweeping
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await db.close()
    },
  }
}
