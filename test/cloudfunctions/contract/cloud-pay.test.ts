/**
 * The production entries and the cloudPay adapter against a recording stand-in of wx-server-sdk: the SOURCE
 * check at the root of createSystemMain, and the exact cloudPay inputs, read the way the SDK answers
 * (camelCase, `errCode` overwritten with 0: node_modules/wx-server-sdk/index.js, getCloudPayAPIs).
 */
const sdk = {
  context: {} as Record<string, unknown>,
  dbCalls: [] as string[],
  payCalls: [] as Array<{ api: string; input: Record<string, unknown> }>,
  payAnswers: {} as Record<string, Array<Record<string, unknown>>>,
}

jest.mock('wx-server-sdk', () => {
  const record = (name: string) => {
    sdk.dbCalls.push(name)
  }
  const query = (): Record<string, unknown> => ({
    where: () => query(),
    orderBy: () => query(),
    skip: () => query(),
    limit: () => query(),
    get: async () => (record('get'), { data: [] }),
    count: async () => (record('count'), { total: 0 }),
    update: async () => (record('update'), { stats: { updated: 0 } }),
    remove: async () => (record('remove'), { stats: { removed: 0 } }),
  })
  const op = (name: string) => (...args: unknown[]) => ({ $op: name, args })
  const pay = (api: string) => async (input: Record<string, unknown>) => {
    sdk.payCalls.push({ api, input })
    const answer = sdk.payAnswers[api]?.shift() ?? { returnCode: 'SUCCESS', resultCode: 'SUCCESS' }
    return { ...answer, errCode: 0, errMsg: `cloudPay.${api}:ok` }
  }
  return {
    DYNAMIC_CURRENT_ENV: Symbol('current'),
    init() {},
    getWXContext: () => sdk.context,
    database: () => ({
      command: new Proxy({}, { get: (_t, name) => op(String(name)) }),
      serverDate: () => new Date(),
      collection: () => ({ ...query(), add: async () => (record('add'), { _id: 'x' }), doc: () => ({ get: async () => (record('doc.get'), { data: null }), update: async () => (record('doc.update'), { stats: { updated: 0 } }), set: async () => (record('doc.set'), {}), remove: async () => (record('doc.remove'), { stats: { removed: 0 } }) }) }),
    }),
    cloudPay: { unifiedOrder: pay('unifiedOrder'), queryOrder: pay('queryOrder'), closeOrder: pay('closeOrder'), refund: pay('refund') },
    openapi: { subscribeMessage: { send: async () => ({ errCode: 0 }) } },
  }
})

import cloud from 'wx-server-sdk'
import { createWxPay } from '../../../cloudfunctions/_shared/wx/wx-services'

type Main = (event: unknown) => Promise<unknown>
let payCallback: Main
let sweeper: Main
let reviewCallback: Main

beforeAll(async () => {
  // The entries read their settings at load (cold start), so the environment is set before they are imported.
  process.env.HUIZHI_DATA_KEY = Buffer.alloc(32, 7).toString('base64')
  process.env.HUIZHI_SUB_MCH_ID = '1900000109'
  process.env.TCB_ENV = 'huizhi-prod-1a2b'
  payCallback = (await import('../../../cloudfunctions/payCallback/index')).main
  sweeper = (await import('../../../cloudfunctions/sweeper/index')).main
  reviewCallback = (await import('../../../cloudfunctions/reviewCallback/index')).main
})

const ORDER = 'od_0123456789abcdef01234567'
const forged = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: ORDER, totalFee: 1990, transactionId: 'anything' }

beforeEach(() => {
  sdk.dbCalls.length = 0
  sdk.payCalls.length = 0
  sdk.payAnswers = {}
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(() => jest.restoreAllMocks())

describe('createSystemMain: the production entries check getWXContext().SOURCE', () => {
  it('refuses a wx_client call to payCallback with FORBIDDEN before touching the database or cloudPay', async () => {
    sdk.context = { OPENID: 'oUSER000000000000000000000a', APPID: 'wx1', SOURCE: 'wx_client' }
    expect(await payCallback(forged)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    sdk.context = { OPENID: 'oUSER000000000000000000000a', SOURCE: 'wx_client,scf' }
    expect(await payCallback(forged)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(sdk.dbCalls).toEqual([])
    expect(sdk.payCalls).toEqual([])
  })

  it('refuses a wx_client call to the sweeper and to reviewCallback', async () => {
    sdk.context = { OPENID: 'oUSER000000000000000000000a', SOURCE: 'wx_client' }
    expect(await sweeper({ Type: 'Timer' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await reviewCallback({ httpMethod: 'POST', headers: {}, body: '{}' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    sdk.context = { SOURCE: 'wx_paycallback' }
    expect(await sweeper({ Type: 'Timer' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(sdk.dbCalls).toEqual([])
  })

  it('lets WeChat Pay’s own notification through to the handler', async () => {
    sdk.context = { SOURCE: 'wx_paycallback' }
    expect(await payCallback(forged)).toEqual({ errcode: 0, errmsg: 'OK' })
    expect(sdk.dbCalls.length).toBeGreaterThan(0)
  })
})

describe('createWxPay: cloudPay as wx-server-sdk exposes it', () => {
  const pay = () => createWxPay(cloud, '1900000109', 'huizhi-prod-1a2b')

  it('asks unifiedOrder with timeExpire in Beijing time and payCallback as the callback function', async () => {
    sdk.payAnswers.unifiedOrder = [{ returnCode: 'SUCCESS', resultCode: 'SUCCESS', payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'MD5', paySign: 's' } }]
    expect(await pay().unifiedOrder({ outTradeNo: ORDER, totalFee: 1990, body: '社保卡照片回执-深圳市', openid: 'oUSER', expiresAt: '2026-11-24T04:30:00.000Z' })).toEqual({ kind: 'wechat', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'MD5', paySign: 's' })
    expect(sdk.payCalls).toEqual([
      { api: 'unifiedOrder', input: { body: '社保卡照片回执-深圳市', outTradeNo: ORDER, spbillCreateIp: '127.0.0.1', subMchId: '1900000109', totalFee: 1990, envId: 'huizhi-prod-1a2b', functionName: 'payCallback', timeExpire: '20261124123000', tradeType: 'JSAPI' } },
    ])
  })

  it('reads queryOrder’s trade state, and a business failure as no payment', async () => {
    sdk.payAnswers.queryOrder = [
      { returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'SUCCESS', totalFee: 1990, transactionId: '4200001', outTradeNo: ORDER },
      { returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes: '此交易订单号不存在' },
    ]
    expect(await pay().queryOrder(ORDER)).toEqual({ state: 'SUCCESS', totalFee: 1990, transactionId: '4200001' })
    expect(await pay().queryOrder(ORDER)).toEqual({ state: 'UNKNOWN', description: '此交易订单号不存在' })
    expect(sdk.payCalls[0]).toEqual({ api: 'queryOrder', input: { subMchId: '1900000109', outTradeNo: ORDER, nonceStr: expect.stringMatching(/^[0-9a-f]{32}$/) } })
  })

  it('closes a trade, and when WeChat refuses (the SDK hides ORDERPAID) asks queryOrder whether it was paid', async () => {
    expect(await pay().closeOrder(ORDER)).toBe('closed')
    sdk.payAnswers.closeOrder = [{ returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes: '订单已支付' }]
    sdk.payAnswers.queryOrder = [{ returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'SUCCESS', totalFee: 1990, transactionId: '4200001' }]
    expect(await pay().closeOrder(ORDER)).toBe('paid')
    expect(sdk.payCalls.map((c) => c.api)).toEqual(['closeOrder', 'closeOrder', 'queryOrder'])
  })

  it('asks refund with the derived refund number and payCallback for the result; a refusal throws', async () => {
    sdk.payAnswers.refund = [{ returnCode: 'SUCCESS', resultCode: 'SUCCESS', refundId: '50300001', outRefundNo: `${ORDER}-refund` }, { returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes: '基本账户余额不足' }]
    const input = { outTradeNo: ORDER, outRefundNo: `${ORDER}-refund`, totalFee: 1990, refundFee: 1990, reason: '用户放弃' }
    expect(await pay().refund(input)).toEqual({ refundId: '50300001' })
    expect(sdk.payCalls[0]).toEqual({ api: 'refund', input: { subMchId: '1900000109', nonceStr: expect.any(String), outTradeNo: ORDER, outRefundNo: `${ORDER}-refund`, totalFee: 1990, refundFee: 1990, refundDesc: '用户放弃', envId: 'huizhi-prod-1a2b', functionName: 'payCallback' } })
    await expect(pay().refund(input)).rejects.toMatchObject({ name: 'RefundRefused', description: '基本账户余额不足' })
  })
})
