import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { factCounts } from '../src/domain/sources/facts'
import { renderSourcesDoc } from '../src/domain/sources/sources-doc'

/** `npm run sources`: writes docs/sources.md from the data (test/domain/sources.test.ts fails when it is stale). */
const file = path.resolve(__dirname, '..', 'docs', 'sources.md')
writeFileSync(file, renderSourcesDoc())
const { total, sourced, unverified } = factCounts()
console.log(`docs/sources.md: ${total} values, ${sourced} sourced, ${unverified} unverified`)
