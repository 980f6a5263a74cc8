import { existsSync } from 'node:fs'
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
 * Finds a Chromium: CHROMIUM_PATH, then the system one, then the build that @sparticuz/chromium
 * ships inside its npm package (unpacked to /tmp on first use). Throws when none can start: e2e never skips.
 */
export async function launchBrowser(): Promise<Browser> {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p)
  let executablePath = candidates.find((p) => existsSync(p))
  let extraArgs: string[] = []
  if (!executablePath) {
    const sparticuz = (await import('@sparticuz/chromium')).default
    executablePath = await sparticuz.executablePath()
    extraArgs = sparticuz.args.filter((a: string) => !a.startsWith('--headless'))
  }
  return chromium.launch({ executablePath, headless: true, args: [...new Set([...extraArgs, ...CLOSED_NETWORK_FLAGS])] })
}
