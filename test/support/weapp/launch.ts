import { existsSync } from 'node:fs'
import path from 'node:path'
import { start, type Emulator } from '../emulator'
import { tempDir } from '../store'
import { WeappRuntime, type RuntimeOptions } from './runtime'
import type { WeappShots } from './screenshot'

export const weappRoot = path.resolve(__dirname, '..', '..', '..', 'dist', 'weapp')

export function requireWeappBuild(root = weappRoot): void {
  if (!existsSync(path.join(root, 'app.json'))) throw new Error(`${root} is missing: npm test builds it, or run npm run build:weapp`)
}

export interface WeappEnv {
  em: Emulator
  close(): Promise<void>
}

/** A local emulator behind wx.cloud, on a fresh data directory, with the sweeper driven by hand. */
export async function startCloud(): Promise<WeappEnv> {
  const t = tempDir('huizhi-weapp-')
  const em = await start(t.dir, { sweepIntervalMs: 0 })
  return {
    em,
    async close() {
      await em.close()
      t.cleanup()
    },
  }
}

/** Launches the mini-program on `entry` (route with its query) as `user`, and waits until the page has settled. */
export async function launch(entry: string, options: Partial<RuntimeOptions> & { cloud?: WeappEnv; user?: string } = {}): Promise<WeappRuntime> {
  const { cloud, user = 'zhangsan', ...rest } = options
  const runtime = new WeappRuntime({ root: weappRoot, ...(cloud ? { emulator: { url: cloud.em.url, user } } : {}), ...rest })
  await runtime.start(entry)
  await runtime.settle()
  return runtime
}

/**
 * Opens `entry` and answers everything that keeps it from being done: text it should show and does not, and every
 * problem WeChat would report. An empty list is a page that loads, renders and works.
 */
export async function checkPage(
  entry: string,
  shows: Array<string | RegExp>,
  options: Parameters<typeof launch>[1] & { shots?: WeappShots } = {},
  timeoutMs = 15_000,
): Promise<string[]> {
  const { shots, ...launchOptions } = options
  const runtime = await launch(entry, launchOptions)
  const failures: string[] = []
  try {
    const route = entry.split('?')[0]
    if (!runtime.stack.length || runtime.current.route !== route) failures.push(`${route} is not the open page`)
    else {
      for (const expected of shows) {
        try {
          await runtime.waitForText(expected, timeoutMs)
        } catch {
          failures.push(`${route} does not show ${String(expected)}`)
        }
      }
    }
    await runtime.settle()
    failures.push(...runtime.problems)
    if (shots && runtime.stack.length) await shots.shot(runtime, runtime.current.route.replace(/\//g, '-'))
    return failures
  } finally {
    runtime.dispose()
  }
}
