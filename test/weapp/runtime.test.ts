import path from 'node:path'
import { WeappRuntime } from '../support/weapp/runtime'

/**
 * The headless WeChat runtime refuses what WeChat refuses, shown on a hand-written mini-program
 * (test/fixtures/weapp-mini): each launch asks its page to do one thing through the query.
 */
const root = path.resolve(__dirname, '..', 'fixtures', 'weapp-mini')

async function open(query = '', entry = 'pages/index/index'): Promise<WeappRuntime> {
  const runtime = new WeappRuntime({ root })
  await runtime.start(query ? `${entry}?do=${query}` : entry)
  await runtime.settle()
  return runtime
}

async function problemsOf(query: string): Promise<string[]> {
  const runtime = await open(query)
  try {
    await runtime.settle()
    return runtime.problems
  } finally {
    runtime.dispose()
  }
}

it('renders a page through wcc and exparser and runs it with no problem', async () => {
  const runtime = await open()
  try {
    await runtime.waitForText('你好')
    expect(runtime.text()).toContain('点我')
    expect(runtime.problems).toEqual([])
  } finally {
    runtime.dispose()
  }
})

it('gives the logic layer no window, document or process', async () => {
  const runtime = await open('window')
  try {
    await runtime.waitForText('undefined undefined undefined')
  } finally {
    runtime.dispose()
  }
})

it.each(['eval', 'function'])('refuses code generation from strings (%s)', async (what) => {
  const runtime = await open(what)
  try {
    await runtime.waitForText('EvalError')
  } finally {
    runtime.dispose()
  }
})

it.each([
  ['process', /ReferenceError: process is not defined/],
  ['template', /Template `tmpl_nope` not found/],
  ['big', /setData payload of \d+ bytes is over WeChat's 1 MB limit/],
  ['key', /wx misuse: wx.showToast: option "colour" is not one of/],
  ['unknown', /wx.notAnApi is not a function/],
  ['error', /console.error: broken/],
  ['cross', /module "sub\/lib\/util.js" is not defined: a module of subpackage sub cannot be required from pages\/index\/index.js/],
])('reports %s', async (query, expected) => {
  expect(await problemsOf(query)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]))
})

it('opens a subpackage page that requires its own package, and passes the query', async () => {
  const runtime = await open('go')
  try {
    runtime.tap('点我')
    await runtime.waitForRoute('sub/pages/a/index')
    await runtime.waitForText('A sub-util index')
    expect(runtime.stack.map((p) => p.route)).toEqual(['pages/index/index', 'sub/pages/a/index'])
    expect(runtime.problems).toEqual([])
  } finally {
    runtime.dispose()
  }
})

it('refuses a require into another subpackage', async () => {
  const runtime = new WeappRuntime({ root })
  try {
    await runtime.start('other/pages/b/index')
    await runtime.settle()
    expect(runtime.problems).toEqual(expect.arrayContaining([expect.stringMatching(/subpackage sub cannot be required from other\/pages\/b\/index.js/), 'other/pages/b/index: Page() never ran']))
  } finally {
    runtime.dispose()
  }
})

it.each([
  ['navtab', /navigateTo to tabBar page pages\/tab\/index/],
  ['switchpage', /switchTab to sub\/pages\/a\/index, which is not a tabBar page/],
])('reports navigation WeChat refuses (%s)', async (query, expected) => {
  const runtime = await open(query)
  try {
    runtime.tap('点我')
    await runtime.settle()
    await new Promise((r) => setTimeout(r, 100))
    expect(runtime.problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]))
  } finally {
    runtime.dispose()
  }
})

it('fails navigation to a page app.json does not list', async () => {
  const runtime = await open('nopage')
  try {
    runtime.tap('点我')
    await runtime.settle()
    const call = runtime.calls.find((c) => c.api === 'wx.navigateTo')
    expect(call).toMatchObject({ options: { url: '/pages/none/index' } })
    expect(runtime.stack.map((p) => p.route)).toEqual(['pages/index/index'])
  } finally {
    runtime.dispose()
  }
})
