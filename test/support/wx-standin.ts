import { Db } from '@cloudbase/database'
import { EJSON } from 'bson'
import { SERVER, type LocalDatabaseServer, type WireReply } from '../../emulator/local-db'

/**
 * A recording stand-in for what wx-server-sdk talks to. The SDK itself stays real: its wrappers, its error
 * mapping and `@cloudbase/database`'s query and update serializers run unchanged. Only the transports are
 * replaced — the database requester (which would POST to CloudBase's HTTP API) by a recorder in front of a
 * local CloudBase database server, and storage, subscribe messages and cloudPay by recorders — so what is
 * recorded is exactly what the real SDK would send.
 */

/** One database request as CloudBase would receive it, decoded from the EJSON the serializer wrote. */
export interface WireCall {
  action: string
  collection: string
  query?: unknown
  data?: unknown
  order?: unknown
  offset?: number
  limit?: number
  multi?: boolean
  merge?: boolean
  /** The error name CloudBase answered with, if any. */
  error?: string
}

const parse = (text: unknown) => (typeof text === 'string' && text ? (EJSON.parse(text) as unknown) : undefined)

function decode(action: string, params: Record<string, unknown>, reply: WireReply): WireCall {
  const call: WireCall = { action: action.replace(/^database\./, ''), collection: String(params.collectionName) }
  if (params.query !== undefined) call.query = parse(params.query)
  if (action === 'database.insertDocument') call.data = (params.data as string[]).map(parse)
  else if (params.data !== undefined) call.data = parse(params.data)
  if (params.order !== undefined) call.order = parse(params.order)
  if (params.offset !== undefined) call.offset = Number(params.offset)
  if (params.limit !== undefined) call.limit = Number(params.limit)
  if (params.multi !== undefined) call.multi = Boolean(params.multi)
  if (params.merge !== undefined) call.merge = Boolean(params.merge)
  if (reply.code) call.error = reply.code
  return call
}

/**
 * Points `@cloudbase/database`'s transport (the requester each query is built with) at `server`, recording each
 * request into `calls`. `answer` may replace the server's reply (a transient failure, say). It holds even when
 * the SDK's `cloud.database()` sets its own HTTP requester again.
 */
export function recordDatabase(server: LocalDatabaseServer, calls: WireCall[], answer?: (action: string, params: Record<string, unknown>) => WireReply | undefined): void {
  class RecordingRequester {
    /** A LocalDb in the same process keeps its own server (its config names it), unrecorded. */
    private readonly own?: LocalDatabaseServer
    constructor(config: Record<string, unknown>) {
      this.own = config[SERVER] as LocalDatabaseServer | undefined
    }
    async send(action: string, params: Record<string, unknown>): Promise<WireReply> {
      if (this.own) return this.own.handle(action, params)
      const reply = answer?.(action, params) ?? (await server.handle(action, params))
      calls.push(decode(action, params, reply))
      return reply
    }
  }
  Object.defineProperty(Db, 'reqClass', { configurable: true, get: () => RecordingRequester, set: () => undefined })
}

/** One call to the rest of the SDK (storage, openapi, cloudPay), with its arguments. */
export interface SdkCall {
  api: string
  args: unknown
}

export interface ServiceBehaviour {
  /** The errCode subscribeMessage.send fails with (WeChat's errcode), or none. */
  notifyErrCode?: number
  /** The answer cloudPay.unifiedOrder gives. */
  unifiedOrder?: object
  /** WeChat Pay's record of each trade, by outTradeNo, as queryOrder reports it (an unknown trade: ORDERNOTEXIST). */
  trades?: Record<string, { tradeState: string; totalFee?: number; transactionId?: string }>
}

/** WeChat's own error shape for a failed openapi call: `errCode` is WeChat's errcode. */
function wxError(api: string, errCode: number): Error & { errCode: number; errMsg: string } {
  const error = new Error(`${api}:fail ${errCode}`) as Error & { errCode: number; errMsg: string }
  error.errCode = errCode
  error.errMsg = error.message
  return error
}

/** Replaces storage, subscribe messages and cloudPay on the real SDK object by recorders. */
export function recordServices(cloud: object, calls: SdkCall[], behaviour: ServiceBehaviour = {}): void {
  const files = new Map<string, Buffer>()
  const define = (name: string, value: unknown) => Object.defineProperty(cloud, name, { configurable: true, writable: true, value })
  define('uploadFile', async (args: { cloudPath: string; fileContent: Buffer }) => {
    calls.push({ api: 'uploadFile', args: { cloudPath: args.cloudPath, bytes: args.fileContent.length } })
    const fileID = `cloud://env-1.bucket/${args.cloudPath}`
    files.set(fileID, args.fileContent)
    return { fileID, statusCode: 200, errMsg: 'uploadFile:ok' }
  })
  define('downloadFile', async (args: { fileID: string }) => {
    calls.push({ api: 'downloadFile', args })
    const fileContent = files.get(args.fileID)
    if (!fileContent) throw wxError('downloadFile', -503003)
    return { fileContent, statusCode: 200, errMsg: 'downloadFile:ok' }
  })
  define('getTempFileURL', async (args: { fileList: Array<{ fileID: string; maxAge: number }> }) => {
    calls.push({ api: 'getTempFileURL', args })
    return { fileList: args.fileList.map((f) => ({ fileID: f.fileID, tempFileURL: `https://env-1.tcb.qcloud.la/${encodeURIComponent(f.fileID)}?max_age=${f.maxAge}`, status: 0, errMsg: 'ok' })), errMsg: 'getTempFileURL:ok' }
  })
  define('deleteFile', async (args: { fileList: string[] }) => {
    calls.push({ api: 'deleteFile', args })
    for (const f of args.fileList) files.delete(f)
    return { fileList: args.fileList.map((fileID) => ({ fileID, status: 0, errMsg: 'ok' })), errMsg: 'deleteFile:ok' }
  })
  define('openapi', {
    subscribeMessage: {
      async send(args: object) {
        calls.push({ api: 'openapi.subscribeMessage.send', args })
        if (behaviour.notifyErrCode) throw wxError('openapi.subscribeMessage.send', behaviour.notifyErrCode)
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
      },
    },
  })
  define('cloudPay', {
    async unifiedOrder(args: object) {
      calls.push({ api: 'cloudPay.unifiedOrder', args })
      return behaviour.unifiedOrder ?? { returnCode: 'SUCCESS', resultCode: 'SUCCESS', payment: { appId: 'wx1', timeStamp: '1764633600', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 's' } }
    },
    async queryOrder(args: { outTradeNo: string }) {
      calls.push({ api: 'cloudPay.queryOrder', args })
      const trade = behaviour.trades?.[args.outTradeNo]
      if (!trade) return { returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes: 'ORDERNOTEXIST' }
      return { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: args.outTradeNo, ...trade }
    },
    async closeOrder(args: object) {
      calls.push({ api: 'cloudPay.closeOrder', args })
      return { returnCode: 'SUCCESS', resultCode: 'SUCCESS' }
    },
    async refund(args: { outRefundNo: string; refundFee: number }) {
      calls.push({ api: 'cloudPay.refund', args })
      return { returnCode: 'SUCCESS', resultCode: 'SUCCESS', refundId: `rf_${args.outRefundNo}`, refundFee: args.refundFee, outRefundNo: args.outRefundNo }
    },
  })
}
