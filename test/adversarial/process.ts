import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

/** The emulator as `npm start` runs it (`emulator/main.ts`), in its own process, so it can be killed and measured. */
export interface EmulatorProcess {
  url: string
  pid: number
  /** Kills it at once (SIGKILL: no handler runs, nothing is flushed) and waits until it is gone. */
  kill(): Promise<void>
  /** Stops it the way Ctrl-C does (SIGTERM: the store is compacted) and waits until it is gone. */
  stop(): Promise<void>
  /** Resident memory now and at its peak (VmRSS, VmHWM), in MB, read from /proc. */
  memory(): { rssMb: number; peakMb: number }
  /** Starts the peak over from the current resident size (writes 5 to /proc/<pid>/clear_refs); false if the kernel refuses. */
  resetPeak(): boolean
}

/** A free loopback port, so one data directory keeps one address across restarts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()))
}

function statusKb(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) : NaN
}

/** Starts `emulator/main.ts` on `port` with `dataDir`; resolves once it serves `/api/health`. */
export async function spawnEmulator(dataDir: string, port: number, env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'emulator', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HUIZHI_DATA_DIR: dataDir, HUIZHI_LOG: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`emulator exited with ${child.exitCode} while starting:\n${output.slice(-2000)}`)
    if (output.includes(url)) {
      const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false)
      if (up) break
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`emulator did not start within 30 s:\n${output.slice(-2000)}`)
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  const pid = child.pid as number
  return {
    url,
    pid,
    async kill() {
      child.kill('SIGKILL')
      await exited(child)
    },
    async stop() {
      child.kill('SIGTERM')
      await exited(child)
      if (child.exitCode !== 0) throw new Error(`emulator stopped with ${child.exitCode ?? child.signalCode}:\n${output.slice(-2000)}`)
    },
    memory: () => ({ rssMb: statusKb(pid, 'VmRSS') / 1024, peakMb: statusKb(pid, 'VmHWM') / 1024 }),
    resetPeak() {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5')
        return true
      } catch {
        return false
      }
    },
  }
}
