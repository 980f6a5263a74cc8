import { readJson } from '../support/weapp/view'
import { checkPage, requireWeappBuild, startCloud, weappRoot, type WeappEnv } from '../support/weapp/launch'
import { WeappShots } from '../support/weapp/screenshot'
import { seedCases, type Seeded } from '../support/weapp/seed'
import type { AppJson } from '../support/weapp/runtime'
import path from 'node:path'

/**
 * Every page of dist/weapp/app.json opens in the headless WeChat runtime with a local cloud behind wx.cloud, and
 * shows what it is for. A page fails on any exception, unhandled rejection, console.error, missing template, setData
 * over 1 MB or wx misuse.
 */
requireWeappBuild()
const app = readJson<AppJson>(path.join(weappRoot, 'app.json'))
const allPages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]

let cloud: WeappEnv
let seeded: Seeded
let shots: WeappShots

beforeAll(async () => {
  cloud = await startCloud()
  seeded = await seedCases(cloud.em, 'zhangsan')
  shots = await WeappShots.open(weappRoot)
}, 120_000)
afterAll(async () => {
  await shots?.close()
  await cloud?.close()
})

/** Each page, the query it is opened with, the user, and text it must show once its data has arrived. */
const cases = (): Record<string, { query?: string; user?: string; shows: Array<string | RegExp> }> => ({
  'pages/home/index': { shows: ['办理业务', '照片回执', '社保卡挂失', '社保账号注销', '我的办理'] },
  'pages/orders/index': { shows: ['社保卡', '待支付', '社保卡挂失', '临时挂失中', '社保账号注销', '草稿'] },
  'pages/messages/index': { shows: [/消息|通知/] },
  'features/id-photo/pages/index/index': { shows: ['证件类型', '居民身份证'] },
  'features/id-photo/pages/capture/index': { query: 'specId=ssc-shenzhen', shows: [/拍摄|拍照|相册/] },
  'features/id-photo/pages/preview/index': { query: 'specId=ssc-shenzhen', shows: [/重新拍摄|重拍|没有照片|请先/] },
  'features/id-photo/pages/print/index': { query: `photoId=${seeded.photoId}&specId=ssc-shenzhen`, shows: ['6 寸相纸（4×6 英寸）', '共 12 张', '社保卡（深圳） 12 张，每张 26.0×32.0 毫米', '保存排版照'] },
  'features/receipt/pages/index/index': { shows: [/回执/] },
  // Opened cold (no photo handed over in this session), these two show their recovery state; flows.test.ts walks them.
  'features/receipt/pages/applicant/index': { shows: ['没有找到证件照信息', '重新开始'] },
  'features/receipt/pages/confirm/index': { query: `specId=ssc-shenzhen&cityCode=440300&photoId=${seeded.photoId}`, shows: ['申请人信息已失效', '重新填写'] },
  'features/receipt/pages/result/index': { query: `orderId=${seeded.orderId}`, shows: [/支付|订单/] },
  'features/receipt/pages/detail/index': { query: `orderId=${seeded.orderId}`, shows: ['待支付', '深圳'] },
  'features/receipt/pages/resubmit/index': { query: `orderId=${seeded.orderId}&photoId=${seeded.photoId}`, shows: [/重新提交|不能|无法|审核/] },
  'features/cancellation/pages/index/index': { shows: ['社保账号注销'] },
  'features/cancellation/pages/eligibility/index': { shows: ['检查办理条件', '为什么要注销'] },
  'features/cancellation/pages/apply/index': { query: `applicationId=${seeded.applicationId}`, shows: [/陈小梅|银行|退款/, '为谁办理', '王小宝（子女）'] },
  'features/cancellation/pages/materials/index': { query: `applicationId=${seeded.applicationId}`, shows: [/材料|证明/] },
  'features/cancellation/pages/review/index': { query: `applicationId=${seeded.applicationId}`, shows: [/确认|提交|核对/] },
  'features/cancellation/pages/detail/index': { query: `applicationId=${seeded.applicationId}`, shows: [/草稿|待提交|注销/] },
  'features/card-loss/pages/index/index': { shows: ['挂失'] },
  'features/card-loss/pages/report/index': { shows: [/临时挂失|正式挂失/, '为谁办理', '王小宝（子女）'] },
  'features/card-loss/pages/detail/index': { query: `caseId=${seeded.lossCaseId}`, shows: ['临时挂失中', '广州'] },
  'features/card-loss/pages/reissue/index': { query: `caseId=${seeded.lossCaseId}`, shows: [/补办|补卡|正式挂失/] },
  'features/ops/pages/index/index': { user: 'ops', shows: [/审核|运营/] },
  'features/ops/pages/detail/index': { user: 'ops', query: `orderId=${seeded.orderId}`, shows: [/订单|待支付/] },
  'features/ops/pages/loss/index': { user: 'ops', query: `caseId=${seeded.lossCaseId}`, shows: [/挂失/] },
  'features/ops/pages/cancellation/index': { user: 'ops', query: `applicationId=${seeded.applicationId}`, shows: [/注销|申请/] },
  'features/privacy/pages/policy/index': { shows: ['隐私政策'] },
  'features/privacy/pages/data/index': { shows: ['我的数据'] },
  'features/family/pages/index/index': { shows: ['常用办理人', '王小宝', '子女', '监护人同意', '为TA办理的业务', '添加常用办理人'] },
  'features/family/pages/add/index': { shows: ['与您的关系', '《常用办理人信息授权》', '监护人同意', '保存'] },
})

it('covers every page of app.json', () => {
  expect(Object.keys(cases()).sort()).toEqual([...allPages].sort())
})

describe.each(allPages)('%s', (route) => {
  it('loads, renders what it is for, and reports nothing WeChat would', async () => {
    const c = cases()[route]
    // Also saves test-results/weapp-<route>.png: the page as rendered, styled by its wcsc-compiled WXSS.
    expect(await checkPage(c.query ? `${route}?${c.query}` : route, c.shows, { cloud, user: c.user, shots })).toEqual([])
  })
})
