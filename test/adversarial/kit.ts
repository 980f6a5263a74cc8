/** One printed figure of the adversarial suite: what was tried, what happened, and whether it met its expectation. */
export interface Figure {
  name: string
  tried: string
  outcome: string
  pass: boolean
}

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed with its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/** Runs `work` over `items` with at most `size` in flight. */
export async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++])
  }))
}

export function line(f: Figure): string {
  return `${f.pass ? 'PASS' : 'FAIL'}  ${f.name}: tried ${f.tried} → ${f.outcome}`
}
