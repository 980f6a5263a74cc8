import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkPage, launch, requireWeappBuild, startCloud, weappRoot, type WeappEnv } from '../support/weapp/launch'
import { freeGlobals } from '../support/weapp/static-checks'

/**
 * The weapp checks can fail: the two defects that once broke every page (issue: NutUI's HTML elements without their
 * templates, a process.env left in the bundle) are put back into a copy of dist/weapp, and the same checks that pass
 * on the real build must fail on the copy.
 */
requireWeappBuild()

let cloud: WeappEnv
const copies: string[] = []
beforeAll(async () => {
  cloud = await startCloud()
}, 60_000)
afterAll(async () => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true })
  await cloud?.close()
})

function copyBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huizhi-broken-weapp-'))
  copies.push(dir)
  fs.cpSync(weappRoot, dir, { recursive: true })
  return dir
}

const HOME = ['办理业务', '照片回执', '社保卡挂失', '社保账号注销', '我的办理']

/** The template the home page's service tiles render through (found in the page data the logic layer sent). */
async function tileTemplate(): Promise<string> {
  const runtime = await launch('pages/home/index', { cloud })
  try {
    await runtime.waitForText('照片回执')
    let nn: string | undefined
    const visit = (node: { cl?: string; nn?: string; cn?: unknown[] }) => {
      if (!nn && node.cl?.split(' ').includes('nut-grid-item')) nn = node.nn
      for (const child of node.cn ?? []) visit(child as typeof node)
    }
    visit((runtime.current.logic.data as { root: { cn: unknown[] } }).root as never)
    if (!nn) throw new Error('no nut-grid-item on the home page')
    return nn
  } finally {
    runtime.dispose()
  }
}

it('passes the home page on the real build', async () => {
  expect(await checkPage('pages/home/index', HOME, { cloud })).toEqual([])
})

it('fails the home page when a template NutUI renders through is missing', async () => {
  const nn = await tileTemplate()
  const root = copyBuild()
  const base = path.join(root, 'base.wxml')
  const wxml = fs.readFileSync(base, 'utf8')
  const broken = wxml.replace(new RegExp(`<template name="tmpl_\\d+_${nn}">[\\s\\S]*?</template>\\n`, 'g'), '')
  expect(broken).not.toBe(wxml)
  fs.writeFileSync(base, broken)
  const failures = await checkPage('pages/home/index', HOME, { cloud, root }, 3_000)
  expect(failures).toEqual(
    expect.arrayContaining([expect.stringMatching(new RegExp(`Template \`tmpl_\\d+_${nn}\` not found`)), expect.stringMatching(/^pages\/home\/index does not show /)]),
  )
})

it('fails a page whose bundle still reads process.env, at runtime and in the static check', async () => {
  const root = copyBuild()
  const page = path.join(root, 'features/receipt/pages/confirm/index.js')
  fs.writeFileSync(page, `var templateId = process.env.TARO_APP_TEMPLATE_LOSS_RESULT;\n${fs.readFileSync(page, 'utf8')}`)
  const failures = await checkPage('features/receipt/pages/confirm/index', ['申请人信息已失效'], { cloud, root }, 3_000)
  expect(failures).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/ReferenceError: process is not defined/),
      'features/receipt/pages/confirm/index: Page() never ran',
      'features/receipt/pages/confirm/index does not show 申请人信息已失效',
    ]),
  )
  expect(freeGlobals(root).get('process')).toEqual(['features/receipt/pages/confirm/index.js'])
})
