import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureBuilt } from './ensure-built.mjs'
import { lint } from './lint.mjs'

/**
 * `npm test`: builds what is stale (the e2e suite drives the real H5 build), type-checks, lints, then runs every jest project:
 * unit, integration and e2e. Extra arguments go to jest. Exits non-zero when any test fails or cannot run.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
ensureBuilt()
console.log('> tsc --noEmit')
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' })
if (tsc.status !== 0) {
  console.error('type check failed')
  process.exit(1)
}
console.log('> eslint')
if (lint() !== 0) {
  console.error('lint failed')
  process.exit(1)
}
mkdirSync(path.join(root, 'test-results'), { recursive: true })
const resultsFile = path.join(root, 'test-results', 'jest.json')
rmSync(resultsFile, { force: true })
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
if (!existsSync(resultsFile)) {
  console.error('jest wrote no results: the test run could not start')
  process.exit(run.status || 1)
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8'))
const failedSuites = results.numRuntimeErrorTestSuites + results.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length
const skipped = results.numPendingTests + results.numTodoTests
console.log(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`)
if (results.numTotalTests === 0) {
  console.error('no test ran')
  process.exit(1)
}
if (skipped > 0) {
  console.error('tests were skipped: every test must run')
  process.exit(1)
}
process.exit(run.status !== 0 || failedSuites > 0 || !results.success ? 1 : 0)
