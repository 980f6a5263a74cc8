import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export interface PackageSize {
  name: string
  root: string
  bytes: number
  files: number
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

/**
 * Splits a weapp build into its main package and subpackages, as WeChat counts them:
 * every file under a subpackage root belongs to that subpackage, everything else to the main package.
 */
export function weappPackageSizes(weappDir: string): PackageSize[] {
  const app = JSON.parse(readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string; name?: string }> }
  const subs = (app.subPackages ?? []).map((s) => ({ name: s.name ?? s.root, root: s.root.replace(/\/?$/, '/'), bytes: 0, files: 0 }))
  const main: PackageSize = { name: 'main', root: '', bytes: 0, files: 0 }
  for (const file of walk(weappDir)) {
    const rel = path.relative(weappDir, file).split(path.sep).join('/')
    if (rel.endsWith('.LICENSE.txt')) continue
    const owner = subs.find((s) => rel.startsWith(s.root)) ?? main
    owner.bytes += statSync(file).size
    owner.files += 1
  }
  return [main, ...subs]
}

/** WeChat's limits: each package at most 2 MB, all together at most 30 MB. Ours: main package at most 700 KB. */
export const LIMITS = { mainBytes: 700 * 1024, subpackageBytes: 2 * 1024 * 1024, totalBytes: 30 * 1024 * 1024 }
