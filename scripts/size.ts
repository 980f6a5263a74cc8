import { existsSync } from 'node:fs'
import path from 'node:path'
import { LIMITS, weappPackageSizes } from './lib/package-size'

/** `npm run size`: the weapp main package and each subpackage, in bytes, against the limits. */
const weappDir = path.resolve(__dirname, '..', 'dist', 'weapp')
if (!existsSync(path.join(weappDir, 'app.json'))) {
  console.error('dist/weapp is missing: run npm run build:weapp first')
  process.exit(1)
}
const sizes = weappPackageSizes(weappDir)
const total = sizes.reduce((s, p) => s + p.bytes, 0)
let over = false
console.log('package'.padEnd(16), 'bytes'.padStart(10), 'KB'.padStart(8), 'limit KB'.padStart(10), 'files'.padStart(6))
for (const p of sizes) {
  const limit = p.name === 'main' ? LIMITS.mainBytes : LIMITS.subpackageBytes
  over ||= p.bytes > limit
  console.log(p.name.padEnd(16), String(p.bytes).padStart(10), (p.bytes / 1024).toFixed(1).padStart(8), String(limit / 1024).padStart(10), String(p.files).padStart(6), p.bytes > limit ? 'OVER' : 'ok')
}
console.log('total'.padEnd(16), String(total).padStart(10), (total / 1024).toFixed(1).padStart(8), String(LIMITS.totalBytes / 1024).padStart(10))
if (over || total > LIMITS.totalBytes) process.exit(1)
