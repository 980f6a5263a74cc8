import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureBuilt } from './ensure-built.mjs'

/** `npm start`: build what is stale, then run the local emulator (H5 app + every cloud function) on 127.0.0.1. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
ensureBuilt()
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'emulator/main.ts')], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
