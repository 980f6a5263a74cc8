import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { SWEEP_BUDGET_MS } from '../../cloudfunctions/_shared/sweep/sweeper'
import { CLOUDBASE_RUNTIME } from '../../cloudfunctions/_shared/wx/runtime'

/**
 * cloudbaserc.json, the deploy-as-code file for CloudBase's CLI (`tcb fn deploy`), checked offline against the
 * fields the CLI documents (https://docs.cloudbase.net/cli-v1/config, …/cli-v1/functions/configs,
 * …/cli-v1/functions/trigger) and against the functions in cloudfunctions/ with their config.json files.
 */
const root = path.resolve(__dirname, '../..')
const rc = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { version: string; envId: string; functionRoot: string; functions: Array<Record<string, unknown>> }
const functionDirs = readdirSync(path.join(root, 'cloudfunctions')).filter((d) => !d.startsWith('_') && statSync(path.join(root, 'cloudfunctions', d)).isDirectory())
const configOf = (name: string) => JSON.parse(readFileSync(path.join(root, 'cloudfunctions', name, 'config.json'), 'utf8')) as { timeout?: number; memorySize?: number; triggers?: unknown[] }

/** Top-level keys of a 2.0 config file, and the (flattened, CLI ≥ 0.6) keys of one function. */
const TOP_LEVEL = new Set(['version', 'envId', 'region', 'functionRoot', 'functions'])
const FUNCTION_KEYS = new Set(['name', 'dir', 'handler', 'runtime', 'timeout', 'memorySize', 'ignore', 'installDependency', 'codeSecret', 'envVariables', 'vpc', 'triggers', 'params'])
const NODE_RUNTIMES = ['Nodejs20.19', 'Nodejs18.15', 'Nodejs16.13', 'Nodejs14.18', 'Nodejs12.16', 'Nodejs10.15']
const MEMORY_SIZES = [128, 256, 512, 1024, 2048]
/** A trigger name: at most 60 characters of letters, digits, - and _, starting with a letter. */
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/** The HUIZHI_* variables a source file reads (whole names; a prefix such as `HUIZHI_RETAIN_` is not one). */
function variablesIn(files: string[]): Set<string> {
  const out = new Set<string>()
  for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(/HUIZHI_[A-Z0-9_]*[A-Z0-9]\b/g)) out.add(m[0])
  return out
}
const tsFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))
/** What every function reads at cold start: the production entry (wx/main.ts) and what it calls for its settings. */
const COLD_START = ['cloudfunctions/_shared/wx/main.ts', 'cloudfunctions/_shared/operators.ts', 'cloudfunctions/_shared/crypto.ts', 'src/domain/privacy/retention.ts'].map((f) => path.join(root, f))

describe('cloudbaserc.json (CloudBase CLI deploy config)', () => {
  it('uses the 2.0 format with only the fields the CLI documents, and the environment ID as a placeholder', () => {
    expect(rc.version).toBe('2.0')
    for (const key of Object.keys(rc)) expect(TOP_LEVEL).toContain(key)
    expect(rc.envId).toBe('{{env.ENV_ID}}')
    for (const fn of rc.functions) for (const key of Object.keys(fn)) expect(FUNCTION_KEYS).toContain(key)
  })

  it('deploys exactly the functions in cloudfunctions/, each from its built bundle (dist/cloudfunctions/<fn>/index.js, handler index.main)', () => {
    expect(rc.functionRoot).toBe('./dist/cloudfunctions')
    expect(rc.functions.map((f) => f.name).sort()).toEqual([...functionDirs].sort())
    for (const fn of rc.functions) {
      expect(fn.handler).toBe('index.main')
      expect(fn.installDependency).toBe(true)
    }
    expect(readFileSync(path.join(root, 'scripts/build-cloud.ts'), 'utf8')).toMatch(/dist[/'", ]+cloudfunctions/)
  })

  it('pins every function to Node.js 18 (Nodejs18.15): the functions need the global fetch, and CloudBase cannot change a runtime later', () => {
    expect(NODE_RUNTIMES).toContain(CLOUDBASE_RUNTIME)
    for (const fn of rc.functions) expect(fn.runtime).toBe(CLOUDBASE_RUNTIME)
  })

  it('matches each config.json: timeout (1–60 s), memory, and the timer triggers with 7-field cron expressions', () => {
    for (const fn of rc.functions) {
      const config = configOf(fn.name as string)
      expect({ name: fn.name, timeout: fn.timeout }).toEqual({ name: fn.name, timeout: config.timeout ?? 5 })
      expect(fn.timeout as number).toBeGreaterThanOrEqual(1)
      expect(fn.timeout as number).toBeLessThanOrEqual(60)
      expect(MEMORY_SIZES).toContain(fn.memorySize)
      expect(fn.memorySize).toBe(config.memorySize ?? 256)
      expect(fn.triggers ?? []).toEqual(config.triggers ?? [])
      for (const t of (fn.triggers ?? []) as Array<{ name: string; type: string; config: string }>) {
        expect(t.name).toMatch(TRIGGER_NAME)
        expect(t.type).toBe('timer')
        expect(t.config.split(' ')).toHaveLength(7)
      }
    }
  })

  it('runs the sweeper every minute with a timeout that covers its time budget', () => {
    const sweeper = rc.functions.find((f) => f.name === 'sweeper')!
    expect(sweeper.triggers).toEqual([{ name: 'sweep-every-minute', type: 'timer', config: '0 */1 * * * * *' }])
    expect((sweeper.timeout as number) * 1000).toBeGreaterThanOrEqual(SWEEP_BUDGET_MS + 10_000)
  })

  it('passes every variable a function reads at cold start as an {{env.*}} placeholder, never a value, each listed in cloudbase/env.example', () => {
    const example = new Set([...readFileSync(path.join(root, 'cloudbase/env.example'), 'utf8').matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]))
    expect(example).toContain('ENV_ID')
    const common = variablesIn(COLD_START)
    expect(common).toContain('HUIZHI_DATA_KEY')
    for (const fn of rc.functions) {
      const env = fn.envVariables as Record<string, string>
      const needed = new Set([...common, ...variablesIn(tsFiles(path.join(root, 'cloudfunctions', fn.name as string)))])
      for (const name of needed) expect({ fn: fn.name, name, value: env[name] }).toEqual({ fn: fn.name, name, value: `{{env.${name}}}` })
      for (const [name, value] of Object.entries(env)) {
        expect(value).toBe(`{{env.${name}}}`)
        expect(example).toContain(name)
      }
    }
  })
})
