import { allFacts, factCounts, type FactRow } from './facts'
import { isSourced } from './source'

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** docs/sources.md: every value, its quote and link, grouped by region (generated; `npm run sources` writes it, a test keeps it current). */
export function renderSourcesDoc(rows: readonly FactRow[] = allFacts()): string {
  const { total, sourced, unverified } = factCounts(rows)
  const regions = [...new Set(rows.map((r) => r.region))].sort((a, b) => (a === '全国' ? -1 : b === '全国' ? 1 : a.localeCompare(b, 'zh-CN')))
  const out: string[] = [
    '# Sources of every value users act on',
    '',
    'Generated from the data in `src/domain` by `npm run sources` (`scripts/gen-sources.ts`); `test/domain/sources.test.ts` fails when this file is stale.',
    'A value marked **unverified** has no source we could find: the app shows it as 「参考信息，请以当地社保部门为准」 with a 12333 call, and builds no promise on it.',
    '',
    `${total} values: ${sourced} sourced, ${unverified} unverified.`,
    '',
  ]
  for (const region of regions) {
    const mine = rows.filter((r) => r.region === region)
    out.push(`## ${region}`, '')
    for (const topic of [...new Set(mine.map((r) => r.topic))]) {
      out.push(`### ${topic}`, '', '| entry | value | source | quote |', '|---|---|---|---|')
      for (const r of mine.filter((m) => m.topic === topic)) {
        const e = r.evidence
        const source = isSourced(e) ? `[${cell(e.title)}](${e.url}) (${e.publishedOrChecked})` : `**unverified**${e.note ? `: ${cell(e.note)}` : ''}`
        out.push(`| ${cell(r.entry)} · ${cell(r.fact)} | ${cell(r.value)} | ${source} | ${isSourced(e) ? `「${cell(e.quote)}」` : ''} |`)
      }
      out.push('')
    }
  }
  return out.join('\n')
}
