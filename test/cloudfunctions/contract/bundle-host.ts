import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../../../cloudfunctions/_shared/collections'
import { setupDatabase } from '../../../cloudfunctions/_shared/setup'
import { LocalDatabaseServer } from '../../../emulator/local-db'
import { recordDatabase, recordServices, type SdkCall, type ServiceBehaviour, type WireCall } from '../../support/wx-standin'

/**
 * Runs built function bundles (dist/cloudfunctions/<fn>/index.js) the way CloudBase does, in a Node process of
 * its own (Node 18, the production runtime): `require` the bundle, which requires the real wx-server-sdk, and
 * call its `main(event, context)`. Identity comes where the SDK reads it, from the environment
 * (WX_CONTEXT_KEYS, WX_OPENID, TCB_SOURCE). The SDK's transports are the recording stand-ins.
 *
 * Bundled with esbuild by the contract test; the SDK and the libraries it shares with the stand-in stay external
 * so that both use the one copy in node_modules. Usage: node host.js <scenario.json>; writes <scenario.out>.
 */
export interface Step {
  fn: string
  event: unknown
  openid?: string
  /** getWXContext().SOURCE: `wx_client` for a mini-program call, `wx_tenpay` for a pay notice, `wx_trigger` for a timer. */
  source?: string
  /** Documents to write straight into the store before this step (an approved receipt, say). */
  seed?: Record<string, Array<Record<string, unknown>>>
}

export interface Scenario {
  distRoot: string
  dataDir: string
  /** Run the setup action first, as a deploy does; false leaves the database without collections. */
  setup: boolean
  env: Record<string, string>
  /** How the stand-ins for storage, subscribe messages and cloudPay answer. */
  services?: ServiceBehaviour
  steps: Step[]
  out: string
}

export interface StepResult {
  reply: unknown
  wire: WireCall[]
  sdk: SdkCall[]
  logs: string[]
}

async function run(scenario: Scenario): Promise<{ node: string; results: StepResult[] }> {
  Object.assign(process.env, scenario.env)
  mkdirSync(scenario.dataDir, { recursive: true })
  const server = new LocalDatabaseServer(scenario.dataDir)
  await server.open()
  if (scenario.setup) await setupDatabase({ ensureCollection: (n) => server.createCollection(n), ensureIndexes: (n, i) => server.ensureIndexes(n, i) }, COLLECTIONS)
  const wire: WireCall[] = []
  const sdk: SdkCall[] = []
  recordDatabase(server, wire)
  const cloud = require('wx-server-sdk') as object
  recordServices(cloud, sdk, scenario.services)
  const logs: string[] = []
  const log = console.log
  console.log = (...args: unknown[]) => logs.push(args.map(String).join(' '))
  const results: StepResult[] = []
  try {
    for (const step of scenario.steps) {
      for (const [collection, docs] of Object.entries(step.seed ?? {})) {
        for (const doc of docs) await server.handle('database.insertDocument', { collectionName: collection, data: [JSON.stringify(doc)] })
      }
      process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID'
      process.env.WX_OPENID = step.openid ?? ''
      process.env.WX_APPID = step.openid ? 'wx-app-1' : ''
      if (step.source) process.env.TCB_SOURCE = step.source
      else delete process.env.TCB_SOURCE
      wire.length = 0
      sdk.length = 0
      logs.length = 0
      const bundle = require(path.join(scenario.distRoot, step.fn, 'index.js')) as { main: (event: unknown, context: object) => Promise<unknown> }
      const reply = await bundle.main(step.event, {})
      results.push({ reply, wire: [...wire], sdk: [...sdk], logs: [...logs] })
    }
  } finally {
    console.log = log
  }
  return { node: process.version, results }
}

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Scenario
run(scenario).then(
  (out) => writeFileSync(scenario.out, JSON.stringify(out)),
  (error: unknown) => {
    writeFileSync(scenario.out, JSON.stringify({ error: error instanceof Error ? error.stack : String(error) }))
    process.exit(1)
  },
)
