import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * `npm run lint` (and a step of `npm test`): ESLint over every TypeScript source the project owns, configured in
 * .eslintrc.cjs; any error or warning fails. Returns the exit status.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DIRS = ['src', 'cloudfunctions', 'emulator', 'scripts', 'config', 'bench', 'test']

export function lint() {
  const eslint = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js')
  const res = spawnSync(process.execPath, [eslint, '-c', '.eslintrc.cjs', '--max-warnings', '0', '--ext', '.ts,.tsx', ...DIRS], { cwd: root, stdio: 'inherit' })
  return res.status ?? 1
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(lint())
