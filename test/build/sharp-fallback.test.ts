import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Decision 010: sharp 0.34.5 on CloudBase's Node 18 runtime, with sharp 0.32.6 (glibc 2.17) as the fallback if
 * that image's glibc is older than 2.26. The fallback holds only while our code calls nothing 0.32 lacks.
 */
const root = path.resolve(__dirname, '../..')
const decision = readFileSync(path.join(root, 'docs/decisions/010-sharp-on-cloudbase-node18.md'), 'utf8')
const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))

describe('sharp on CloudBase (decision 010)', () => {
  it('declares the same sharp version in every function that bundles sharp, the one the decision names', () => {
    const users = readdirSync(path.join(root, 'cloudfunctions')).filter((d) => !d.startsWith('_')).filter((d) => {
      const pkg = JSON.parse(readFileSync(path.join(root, 'cloudfunctions', d, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
      return pkg.dependencies?.sharp !== undefined
    })
    expect(users.sort()).toEqual(['order', 'photo'])
    for (const d of users) expect(JSON.parse(readFileSync(path.join(root, 'cloudfunctions', d, 'package.json'), 'utf8')).dependencies.sharp).toBe('0.34.5')
    expect(decision).toContain('sharp` 0.34.5')
  })

  it('calls only sharp methods that sharp 0.32.6 has too (the list in the decision), so the fallback is one line', () => {
    const listed = new Set([...decision.matchAll(/`(\w+)`/g)].map((m) => m[1]))
    const called = new Set<string>()
    for (const file of sources(path.join(root, 'cloudfunctions'))) {
      const text = readFileSync(file, 'utf8')
      if (!/from 'sharp'|import\('sharp'\)/.test(text)) continue
      // Methods chained on a sharp pipeline: sharp(…).a(…).b(…), or on a variable holding one.
      for (const m of text.matchAll(/\.\s*(rotate|resize|extract|extend|composite|removeAlpha|ensureAlpha|raw|jpeg|png|webp|avif|withMetadata|keepMetadata|keepIccProfile|withIccProfile|withExif|withDensity|metadata|stats|autoOrient|flatten|toBuffer|toFile|clone|affine|flip|flop|trim|greyscale|modulate|linear|sharpen|blur|tint|normalise|clahe|unflatten|toColourspace|pipelineColourspace)\s*\(/g)) called.add(m[1])
    }
    expect(called.size).toBeGreaterThan(5)
    called.delete('toBuffer')
    for (const method of called) expect({ method, inDecision: listed.has(method) }).toEqual({ method, inDecision: true })
  })
})
