const { readdirSync, statSync } = require('node:fs')
const path = require('node:path')

/**
 * ESLint (run by `npm test` through scripts/lint.mjs): TypeScript-aware unused code, no `any`, the rules of React
 * hooks, a complexity cap of 15 for product code, and the layering of docs/architecture.md as import boundaries
 * (`import/no-restricted-paths`, resolving the `@/` alias through tsconfig): the domain imports only itself; no feature
 * imports another; shared components and hooks import no feature or page; no cloud function imports another
 * function's folder, and `_shared` imports no function. test/architecture.test.ts checks what paths cannot
 * (Taro and wx calls only in src/platform, thin function entries).
 *
 * Complexity debt: the files below had functions over the cap when it was introduced (2026-12-02). Each keeps its
 * measured maximum as its own cap, so none can grow; lower a number when a function is split, and delete the entry at 15.
 */
const COMPLEXITY_DEBT = {
  'cloudfunctions/_shared/photo/pipeline.ts': 23,
  'cloudfunctions/cancellation/cancellation.function.ts': 18,
  'emulator/local-db.ts': 19,
  'emulator/server.ts': 48,
  'scripts/weapp-ci.ts': 25,
  'src/domain/notify/templates.ts': 23,
}

const dirsOf = (dir) => readdirSync(path.join(__dirname, dir)).filter((n) => statSync(path.join(__dirname, dir, n)).isDirectory())
const FEATURES = dirsOf('src/features')
const FUNCTIONS = dirsOf('cloudfunctions').filter((n) => !n.startsWith('_') && n !== 'node_modules')

const BOUNDARIES = [
  {
    target: './src/domain',
    from: ['./src/features', './src/pages', './src/components', './src/hooks', './src/platform', './cloudfunctions', './emulator', './node_modules/react', './node_modules/@tarojs', './node_modules/wx-server-sdk'],
    message: 'src/domain is pure: it imports only itself (docs/architecture.md)',
  },
  ...FEATURES.map((f) => ({ target: `./src/features/${f}`, from: './src/features', except: [`./${f}`], message: 'a feature never imports another feature; move what both need to src/domain, src/components or src/hooks' })),
  { target: ['./src/components', './src/hooks', './src/platform', './src/routes.ts'], from: ['./src/features', './src/pages'], message: 'shared code never imports a feature or a page' },
  ...FUNCTIONS.map((fn) => ({ target: `./cloudfunctions/${fn}`, from: './cloudfunctions', except: [`./${fn}`, './_shared'], message: 'a cloud function never imports another function’s folder; shared code lives in cloudfunctions/_shared' })),
  { target: './cloudfunctions/_shared', from: FUNCTIONS.map((fn) => `./cloudfunctions/${fn}`), message: 'cloudfunctions/_shared never imports a function' },
  { target: './cloudfunctions', from: './bench', message: 'a cloud function never imports bench code: the eval’s reference matte (RVM, GPL-3.0) stays on the developer machine (docs/decisions/019-eval-reference-matte.md)' },
]

module.exports = {
  root: true,
  reportUnusedDisableDirectives: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react-hooks', 'import'],
  settings: { 'import/resolver': { typescript: { project: path.join(__dirname, 'tsconfig.json') }, node: true } },
  env: { es2022: true, node: true },
  rules: {
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'error',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    '@typescript-eslint/no-explicit-any': 'error',
    complexity: ['error', 15],
    'import/no-restricted-paths': ['error', { zones: BOUNDARIES }],
    'no-debugger': 'error',
    'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
  },
  overrides: [
    ...Object.entries(COMPLEXITY_DEBT).map(([file, cap]) => ({ files: [file], rules: { complexity: ['error', cap] } })),
    /** Tests and benchmarks read as specifications and scripts of steps; the cap is for product code. */
    { files: ['test/**', 'bench/**'], rules: { complexity: 'off' } },
  ],
  ignorePatterns: ['dist/', 'node_modules/', 'bench-results/', 'test-results/', '.data/', 'tools/', 'test/fixtures/', 'scratch/', '*.js', '*.mjs', '*.cjs'],
}
