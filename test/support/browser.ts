import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'

/** Flags for a closed network: no background fetches, no component updates, no sync. */
const CLOSED_NETWORK_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
  '--mute-audio',
]

/**
 * @sparticuz/chromium is an ES module that unpacks its browser on first use; jest runs CommonJS,
 * so a short Node child process asks it for the path and its launch flags.
 */
function sparticuzChromium(): { executablePath: string; args: string[] } {
  const script =
    "import('@sparticuz/chromium').then(async ({ default: c }) => process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args })))"
  const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '../..') })
  if (res.status !== 0) throw new Error(`no Chromium: set CHROMIUM_PATH or install @sparticuz/chromium (${res.stderr.trim()})`)
  return JSON.parse(res.stdout) as { executablePath: string; args: string[] }
}

/** Chromium's stand-in camera: a synthetic video stream, granted without a permission prompt. */
export const FAKE_CAMERA_FLAGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']

/**
 * Finds a Chromium: CHROMIUM_PATH, then the system one, then the build that @sparticuz/chromium
 * ships inside its npm package (unpacked to /tmp on first use). Throws when none can start: e2e never skips.
 * `flags` adds to the closed-network flags, e.g. FAKE_CAMERA_FLAGS.
 */
export async function launchBrowser(flags: readonly string[] = []): Promise<Browser> {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p)
  let executablePath = candidates.find((p) => existsSync(p))
  let extraArgs: string[] = []
  if (!executablePath) {
    const found = sparticuzChromium()
    executablePath = found.executablePath
    // Its Lambda flags include --single-process (closing one page would end the browser) and
    // --disable-web-security; only the rendering flags it needs are kept.
    extraArgs = found.args.filter((a) => /^--(use-gl|use-angle|enable-unsafe-swiftshader|in-process-gpu|ignore-gpu-blocklist|no-zygote|font-render-hinting)/.test(a))
  }
  return chromium.launch({ executablePath, headless: true, args: [...new Set([...extraArgs, ...CLOSED_NETWORK_FLAGS, ...flags])] })
}
