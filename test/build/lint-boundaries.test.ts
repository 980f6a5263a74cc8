import path from 'node:path'
import { ESLint } from 'eslint'

/**
 * The import boundaries of docs/architecture.md are ESLint errors (`import/no-restricted-paths` in .eslintrc.cjs), so
 * `npm test` fails on them. Each case lints one import as if it were written in the named file.
 */
const root = path.resolve(__dirname, '..', '..')
/** ESLint 8's eslintrc options (the installed @types describe the flat-config API of ESLint 9). */
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, '.eslintrc.cjs'), useEslintrc: false } as ConstructorParameters<typeof ESLint>[0])

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message)
}

describe('import boundaries, enforced by ESLint', () => {
  it('refuses a domain file that imports the platform seam or a feature', async () => {
    expect(await errorsFor('src/domain/order/x.ts', "import { openPage } from '@/platform/navigation'\nexport const f = openPage\n")).toEqual([expect.stringContaining('src/domain is pure')])
    expect(await errorsFor('src/domain/order/x.ts', "import { COPY } from '../../features/receipt/copy'\nexport const c = COPY\n")).toEqual([expect.stringContaining('src/domain is pure')])
  })

  it('refuses a feature that imports another feature, by alias or relative path, and allows its own files', async () => {
    expect(await errorsFor('src/features/card-loss/pages/x/index.tsx', "import { detailUrl } from '@/features/receipt/routes'\nexport const u = detailUrl\n")).toEqual([expect.stringContaining('never imports another feature')])
    expect(await errorsFor('src/features/card-loss/pages/x/index.tsx', "import { COPY } from '../../../receipt/copy'\nexport const c = COPY\n")).toEqual([expect.stringContaining('never imports another feature')])
    expect(await errorsFor('src/features/card-loss/pages/x/index.tsx', "import { COPY } from '../../copy'\nimport { idPhotoUrl } from '@/routes'\nexport const c = [COPY, idPhotoUrl]\n")).toEqual([])
  })

  it('refuses shared components importing a feature', async () => {
    expect(await errorsFor('src/components/x/index.tsx', "import { COPY } from '@/features/receipt/copy'\nexport const c = COPY\n")).toEqual([expect.stringContaining('shared code never imports a feature')])
  })

  it('refuses a cloud function importing another function’s folder, and _shared importing a function', async () => {
    expect(await errorsFor('cloudfunctions/order/x.ts', "import { opsFunction } from '../ops/ops.function'\nexport const f = opsFunction\n")).toEqual([expect.stringContaining('another function’s folder')])
    expect(await errorsFor('cloudfunctions/_shared/x.ts', "import { orderFunction } from '../order/order.function'\nexport const f = orderFunction\n")).toEqual([expect.stringContaining('_shared never imports a function')])
    expect(await errorsFor('cloudfunctions/order/x.ts', "import { createMain } from '../_shared/wx/main'\nexport const f = createMain\n")).toEqual([])
  })

  it('refuses a cloud function or _shared importing bench code such as the eval’s RVM reference matte', async () => {
    expect(await errorsFor('cloudfunctions/photo/x.ts', "import { referenceMatte } from '../../bench/eval/rvm'\nexport const f = referenceMatte\n")).toEqual([expect.stringContaining('never imports bench code')])
    expect(await errorsFor('cloudfunctions/_shared/photo/x.ts', "import { referenceMatte } from '../../../bench/eval/rvm'\nexport const f = referenceMatte\n")).toEqual([expect.stringContaining('never imports bench code')])
  })
})
