import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/_shared/collections'

/** The one list of collections: what the code uses, what the setup creates, and what the README tells a newcomer. */
const root = path.resolve(__dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sources(full)
    return name.endsWith('.ts') ? [full] : []
  })
}

describe('collections', () => {
  const declared = COLLECTIONS.map((c) => c.name)

  it('declares each collection once', () => {
    expect(new Set(declared).size).toBe(declared.length)
  })

  it('declares every collection the cloud functions name', () => {
    const used = new Set<string>()
    for (const file of sources(path.join(root, 'cloudfunctions'))) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/collection(?:<[^>]*>)?\('([a-z_]+)'\)/g)) used.add(m[1])
      for (const m of text.matchAll(/_COLLECTION = '([a-z_]+)'/g)) used.add(m[1])
      for (const m of text.matchAll(/const [A-Z_]+ = \[((?:'[a-z_]+'(?:, )?)+)\] as const/g)) for (const n of m[1].matchAll(/'([a-z_]+)'/g)) used.add(n[1])
    }
    expect(used.size).toBeGreaterThan(5)
    expect([...used].filter((n) => !declared.includes(n))).toEqual([])
  })

  it('lists in the README exactly the declared collections', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    const line = readme.split('\n').find((l) => l.includes('The collections: '))
    expect(line).toBeDefined()
    const listed = [...line!.split('The collections: ')[1].split('.')[0].matchAll(/`([a-z_]+)`/g)].map((m) => m[1])
    expect(listed).toEqual(declared)
  })
})
