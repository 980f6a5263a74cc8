import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { emitRows, kb, median, ms, ratio, type BenchRow } from './lib/report'

/**
 * Cold start of each cloud function: a fresh Node process requires the function's bundle and serves its
 * first call. The floor is a bare function that requires only wx-server-sdk's shape and answers at once.
 * Both run against the same stand-in for wx-server-sdk (an in-memory shape: init, getWXContext, database
 * with an empty collection, files, openapi), so what differs is our code and nothing else. The stand-in loads
 * the Node built-ins the real wx-server-sdk loads (read from the real one in this run: crypto among them, 6–7 ms
 * on this machine), since in production those are paid before our code runs; the real SDK's own load time is
 * printed beside the figures for scale.
 */
const root = path.resolve(__dirname, '..')
const dist = path.join(root, 'dist', 'cloudfunctions')
const RUNS = Number(process.env.BENCH_RUNS ?? 7)

/** The first call each function serves: a real action, as small as the function offers. */
const FIRST_CALL: Record<string, unknown> = {
  user: { action: 'get' },
  order: { action: 'list', data: {} },
  cancellation: { action: 'list', data: {} },
  cardLoss: { action: 'list', data: {} },
  ops: { action: 'board', data: {} },
  photo: { action: 'uploadTarget', data: {} },
  payCallback: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'od_000000000000000000000000', totalFee: 1990, transactionId: 'wx_bench' },
  reviewCallback: { httpMethod: 'POST', headers: {}, body: '{}' },
  sweeper: { Type: 'Timer', TriggerName: 'sweep' },
}

/** What getWXContext() says for each function's first call: a user's call, or the platform's own (WeChat Pay, the timer, HTTP access). */
const USER_CONTEXT = { OPENID: 'oBENCH0000000000000000000000', APPID: 'wxbench', SOURCE: 'wx_client' }
const CONTEXT: Record<string, object> = { payCallback: { SOURCE: 'wx_paycallback' }, sweeper: { SOURCE: 'wx_trigger' }, reviewCallback: { SOURCE: 'http' } }

const SDK_SHAPE = `
const empty = { data: [] }
const query = () => ({ where: query, orderBy: query, skip: query, limit: query, field: query, get: async () => empty, count: async () => ({ total: 0 }), update: async () => ({ stats: { updated: 0 } }), remove: async () => ({ stats: { removed: 0 } }) })
const op = (name) => (...args) => ({ $op: name, args })
const command = new Proxy({}, { get: (_t, name) => op(String(name)) })
const collection = () => ({ ...query(), add: async ({ data }) => ({ _id: data._id ?? 'x' }), doc: () => ({ get: async () => ({ data: null }), update: async () => ({ stats: { updated: 0 } }) }) })
module.exports = {
  DYNAMIC_CURRENT_ENV: Symbol('current'),
  init() {},
  getWXContext: () => JSON.parse(process.env.BENCH_WX_CONTEXT || '{}'),
  database: () => ({ command, collection, serverDate: () => new Date() }),
  uploadFile: async ({ cloudPath }) => ({ fileID: 'cloud://bench/' + cloudPath }),
  downloadFile: async () => ({ fileContent: Buffer.alloc(0) }),
  getTempFileURL: async ({ fileList }) => ({ fileList: fileList.map((f) => ({ fileID: f, tempFileURL: 'https://bench/' + f, status: 0 })) }),
  deleteFile: async ({ fileList }) => ({ fileList: fileList.map((f) => ({ fileID: f, status: 0 })) }),
  cloudPay: { unifiedOrder: async () => ({ returnCode: 'SUCCESS', payment: {} }) },
  openapi: { subscribeMessage: { send: async () => ({ errCode: 0 }) } },
}
`

/** Loads the real wx-server-sdk in a fresh process: how long it takes, and which Node built-ins it pulls in. */
const SDK_PROBE = `const { performance } = require('node:perf_hooks')
const Module = require('node:module')
const seen = new Set()
const load = Module._load
Module._load = function (request, ...rest) {
  if (Module.isBuiltin(request)) seen.add(request.replace(/^node:/, ''))
  return load.call(this, request, ...rest)
}
const t = performance.now()
require('wx-server-sdk')
process.stdout.write(JSON.stringify({ ms: performance.now() - t, builtins: [...seen].sort() }))
`

const FLOOR = `const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async () => ({ ok: true, data: cloud.getWXContext().OPENID })
`

/** Runs one cold process: require + first call; prints milliseconds since the process started. */
const RUNNER = `const { performance } = require('node:perf_hooks')
const [bundle, event] = process.argv.slice(2)
Promise.resolve(require(bundle).main(JSON.parse(event), {})).then((reply) => {
  const t = performance.now()
  process.stdout.write('\\n@@cold ' + JSON.stringify({ ms: t, ok: reply && (reply.ok !== false || reply.statusCode !== undefined || reply.returnCode !== undefined), reply: JSON.stringify(reply).slice(0, 120) }))
})
`

function main(): void {
  if (!existsSync(dist)) throw new Error('dist/cloudfunctions is missing: run npm run build:cloud first')
  const work = mkdtempSync(path.join(os.tmpdir(), 'huizhi-cold-'))
  mkdirSync(path.join(work, 'node_modules', 'wx-server-sdk'), { recursive: true })
  const probes = Array.from({ length: 3 }, () => JSON.parse(execFileSync(process.execPath, ['-e', SDK_PROBE], { cwd: root, encoding: 'utf8' })) as { ms: number; builtins: string[] })
  const { builtins } = probes[0]
  const preload = builtins.map((b) => `require('node:${b}')`).join('\n')
  writeFileSync(path.join(work, 'node_modules', 'wx-server-sdk', 'index.js'), `${preload}\n${SDK_SHAPE}`)
  writeFileSync(path.join(work, 'runner.js'), RUNNER)
  mkdirSync(path.join(work, 'floor'))
  writeFileSync(path.join(work, 'floor', 'index.js'), FLOOR)
  const env = { ...process.env, NODE_PATH: path.join(root, 'node_modules'), HUIZHI_DATA_KEY: Buffer.alloc(32, 7).toString('base64'), HUIZHI_OPERATORS: 'oBENCH0000000000000000000000', HUIZHI_LOG: 'silent' }
  const once = (dir: string, event: unknown, context: object = USER_CONTEXT) => {
    const out = execFileSync(process.execPath, [path.join(work, 'runner.js'), path.join(dir, 'index.js'), JSON.stringify(event)], { env: { ...env, BENCH_WX_CONTEXT: JSON.stringify(context) }, cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    return JSON.parse(out.slice(out.lastIndexOf('@@cold ') + 7)) as { ms: number; ok: boolean; reply: string }
  }
  const fns = readdirSync(dist).filter((n) => existsSync(path.join(dist, n, 'index.js')) && FIRST_CALL[n])
  for (const fn of fns) cpSync(path.join(dist, fn), path.join(work, fn), { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) })
  const floorRuns: number[] = []
  const runs: Record<string, number[]> = Object.fromEntries(fns.map((f) => [f, []]))
  // Interleave floor and functions so that drift in the machine's load touches all of them alike.
  for (let r = 0; r < RUNS; r++) {
    floorRuns.push(once(path.join(work, 'floor'), {}).ms)
    for (const fn of fns) {
      const res = once(path.join(work, fn), FIRST_CALL[fn], CONTEXT[fn])
      if (!res.ok) throw new Error(`${fn}: first call failed: ${res.reply}`)
      runs[fn].push(res.ms)
    }
  }
  const floor = median(floorRuns)
  const sdkMs = median(probes.map((p) => p.ms))
  const rows: BenchRow[] = [
    { group: 'cold start', figure: `real wx-server-sdk: require alone (built-ins it loads: ${builtins.join(', ')})`, measured: ms(sdkMs), ok: null, values: { ms: sdkMs } },
    { group: 'cold start', figure: 'floor: bare function (wx-server-sdk shape with those built-ins)', measured: ms(floor), ok: null, values: { floor } },
  ]
  for (const fn of fns) {
    const m = median(runs[fn])
    const bytes = statSync(path.join(dist, fn, 'index.js')).size
    const sizeOk = fn === 'photo' || bytes <= 300 * 1024
    rows.push({
      group: 'cold start',
      figure: `${fn}: require + first call (${(FIRST_CALL[fn] as { action?: string }).action ?? 'event'}), bundle ${kb(bytes)}`,
      measured: ms(m),
      against: `floor ${ms(floor)}`,
      ratio: ratio(m, floor),
      budget: fn === 'photo' ? '≤ 1.3× (bundle size exempt)' : '≤ 1.3×, bundle ≤ 300 KB',
      ok: m <= 1.3 * floor && sizeOk,
      values: { ms: m, floor, bytes },
    })
  }
  rmSync(work, { recursive: true, force: true })
  emitRows(rows)
}

main()
