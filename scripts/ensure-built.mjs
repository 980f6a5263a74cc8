import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Rebuilds the H5 app, the weapp and the cloud-function bundles only when their sources are newer than the output. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function newest(dir) {
  let latest = 0
  if (!existsSync(dir)) return latest
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return latest
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0
}

function run(script) {
  console.log(`> npm run ${script}`)
  const res = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (res.status !== 0) process.exit(res.status ?? 1)
}

export function ensureBuilt({ force = false } = {}) {
  const configTime = Math.max(newest(path.join(root, 'config')), mtime(path.join(root, 'babel.config.js')), mtime(path.join(root, 'package.json')))
  const h5Sources = Math.max(newest(path.join(root, 'src')), configTime)
  if (force || mtime(path.join(root, 'dist/h5/index.html')) < h5Sources) run('build:h5')
  if (force || mtime(path.join(root, 'dist/weapp/app.json')) < h5Sources) run('build:weapp')
  const cloudSources = Math.max(newest(path.join(root, 'cloudfunctions')), newest(path.join(root, 'src/domain')), mtime(path.join(root, 'scripts/build-cloud.ts')))
  if (force || newest(path.join(root, 'dist/cloudfunctions')) < cloudSources) run('build:cloud')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt({ force: process.argv.includes('--force') })
