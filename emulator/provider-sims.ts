import { maskIdNumber } from '../src/domain/identity/id-number'
import { maskName } from '../src/domain/identity/name'
import { REJECT_REASONS } from '../src/domain/order/order.view'
import { CLIPIMG_BATCH_MAX, ZJZAPI_MAX_IMAGE_BYTES, ZJZAPI_PIC_ID_MINUTES } from '../src/domain/provider/receipt-provider'
import type { DocumentType } from '../src/domain/photo/spec.types'
import { hmacHex } from '../cloudfunctions/_shared/crypto'
import type { Files } from '../cloudfunctions/_shared/ports'
import { zjzapiSign } from '../cloudfunctions/_shared/provider/callback-token'
import { SimulatedCenter, type CenterOptions, type Decision, type TicketDoc } from './center-sim'

/**
 * Local simulators of the wholesale receipt providers, speaking each one's documented contract on loopback
 * (docs/decisions/015-receipt-providers.md): zjzapi's form-urlencoded make/submit and its form notice signed with
 * md5 of the key; 可立图's JSON /types, /submit, /query, /batch_query, its coded errors and its callback. Their
 * tickets join the same review desk queue as the simulated center's, so operators decide them as today.
 */

/** The receipt types the simulators offer: id, name, our document type, and 可立图's type details. */
export const SIM_TYPES: ReadonlyArray<{ id: number; name: string; documentType: DocumentType; processingMinutes: number }> = [
  { id: 11, name: '社保卡回执', documentType: 'social-security-card', processingMinutes: 30 },
  { id: 12, name: '身份证回执', documentType: 'id-card', processingMinutes: 30 },
  { id: 13, name: '驾驶证回执', documentType: 'driving-licence', processingMinutes: 60 },
  { id: 14, name: '居住证回执', documentType: 'residence-permit', processingMinutes: 60 },
]

/** The type map the emulator's adapters are configured with (HUIZHI_PROVIDER_TYPES locally). */
export const SIM_TYPE_MAP: Readonly<Record<string, number>> = Object.fromEntries(SIM_TYPES.map((t) => [t.documentType, t.id]))

export interface ProviderSimOptions extends CenterOptions {
  apiKey: string
  files: Files
  /** The emulator's own base URL (the simulators serve receipt images under it). */
  baseUrl: () => string
}

export interface SimAnswer {
  status: number
  body: string
  contentType: string
}

const jsonAnswer = (body: unknown, status = 200): SimAnswer => ({ status, body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' })
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')
/** Our order id, as the callback URL we were given names it (only the desk needs it; the provider never reads it). */
const orderOf = (callbackUrl: string) => {
  try {
    return new URL(callbackUrl).searchParams.get('order') ?? ''
  } catch {
    return ''
  }
}

abstract class ProviderSim extends SimulatedCenter {
  constructor(protected readonly p: ProviderSimOptions) {
    super(p)
  }

  /** The provider's HTTP API under the emulator (`/zjzapi/...`, `/clipimg/...`). */
  abstract http(path: string, contentType: string, body: string): Promise<SimAnswer>

  protected ticketId(no: string) {
    return `tk_${hmacHex(this.p.submitSecret, `provider:${no}`).slice(0, 24)}`
  }

  protected async addProviderTicket(t: { no: string; name: 'zjzapi' | 'clipimg'; typeId: number; callbackUrl: string; photoUrl: string; applicantName: string; idNumber: string; cityName: string; simulate?: boolean }): Promise<TicketDoc> {
    const type = SIM_TYPES.find((x) => x.id === t.typeId)
    const doc: TicketDoc = {
      _id: this.ticketId(t.no),
      submissionId: t.no,
      orderId: orderOf(t.callbackUrl),
      documentType: type?.documentType ?? 'social-security-card',
      cityCode: '',
      cityName: t.cityName,
      applicantName: maskName(t.applicantName),
      idNumberMasked: maskIdNumber(t.idNumber),
      photoUrl: t.photoUrl,
      status: 'pending',
      submittedAt: this.o.now().toISOString(),
      provider: { name: t.name, no: t.no, callbackUrl: t.callbackUrl, typeId: t.typeId, status: t.name === 'zjzapi' ? '2' : 'processing', ...(t.simulate ? { simulate: true } : {}) },
    }
    await this.tickets.add(doc)
    return doc
  }

  /** The receipt image a completed ticket links to: a PNG naming its 图像号. */
  async receiptImage(ticketNo: string): Promise<Buffer | null> {
    const [t] = await this.tickets.find({ 'provider.no': ticketNo }, { limit: 1 })
    if (!t?.provider?.imageCode) return null
    const { default: sharp } = await import('sharp')
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#fff"/><text x="40" y="120" font-size="40">数码照片回执</text><text x="40" y="220" font-size="32">图像号 ${t.provider.imageCode}</text></svg>`
    return sharp(Buffer.from(svg)).png().toBuffer()
  }

  protected receiptUrl(no: string) {
    return `${this.p.baseUrl()}/providers/receipt/${no}.png`
  }
}

/**
 * zjzapi on loopback (https://www.zjzapi.com/doc/receipt.html): `receipt/make` takes key, item_id and a base64
 * image ≤ 5 MB and answers a pic_id valid 50 minutes; `receipt/submit` takes key, pic_id, notice_url, param and
 * answers an order_no. A decision is POSTed form-urlencoded to notice_url: status 3 (办理完成) with image_receipt
 * and image, or −1 (审核失败) with the reason; `sign` is md5 of the key on every notice. It has no query.
 */
export class ZjzapiSim extends ProviderSim {
  private readonly pics = new Map<string, { fileID: string; itemId: number; at: number }>()

  async http(path: string, _contentType: string, body: string): Promise<SimAnswer> {
    const form = Object.fromEntries(new URLSearchParams(body))
    if (form.key !== this.p.apiKey) return jsonAnswer({ code: 1, msg: 'key错误' })
    if (path === '/receipt/make') return this.make(form)
    if (path === '/receipt/submit') return this.submitForm(form)
    return jsonAnswer({ code: 1, msg: '接口不存在' }, 404)
  }

  /** receipt/make: key, item_id, base64 image ≤ 5 MB → pic_id (valid 50 minutes). */
  private async make(form: Record<string, string>): Promise<SimAnswer> {
    const itemId = Number(form.item_id)
    if (!SIM_TYPES.some((t) => t.id === itemId)) return jsonAnswer({ code: 1, msg: '规格不存在' })
    const image = Buffer.from(form.image ?? '', 'base64')
    if (!image.length) return jsonAnswer({ code: 1, msg: '图片不能为空' })
    if (image.length > ZJZAPI_MAX_IMAGE_BYTES) return jsonAnswer({ code: 1, msg: '图片大小不能超过5M' })
    const picId = digits(7)
    const { fileID } = await this.p.files.upload(`zjzapi/${picId}.jpg`, image)
    this.pics.set(picId, { fileID, itemId, at: this.o.now().getTime() })
    const [{ url }] = await this.p.files.tempUrls([fileID], 3600)
    return jsonAnswer({ data: { pic_id: picId, list: { white: url } }, code: 0, msg: 'success' })
  }

  /** receipt/submit: key, pic_id, notice_url, param → order_no; the application joins the review desk's queue. */
  private async submitForm(form: Record<string, string>): Promise<SimAnswer> {
    const pic = this.pics.get(form.pic_id ?? '')
    if (!pic || this.o.now().getTime() - pic.at > ZJZAPI_PIC_ID_MINUTES * 60_000) return jsonAnswer({ code: 1, msg: 'pic_id不存在或已过期' })
    if (!form.notice_url) return jsonAnswer({ code: 1, msg: '回调地址不能为空' })
    let param: Record<string, string> = {}
    try {
      param = JSON.parse(form.param ?? '{}') as Record<string, string>
    } catch {
      return jsonAnswer({ code: 1, msg: 'param格式错误' })
    }
    const orderNo = `${this.o.now().toISOString().replace(/\D/g, '').slice(0, 14)}${digits(6)}`
    const [{ url }] = await this.p.files.tempUrls([pic.fileID], 24 * 3600)
    await this.addProviderTicket({ no: orderNo, name: 'zjzapi', typeId: pic.itemId, callbackUrl: form.notice_url, photoUrl: url, applicantName: param.text_name ?? '', idNumber: param.text_idcard ?? '', cityName: param.text_city ?? '' })
    return jsonAnswer({ data: { order_no: orderNo }, code: 0, msg: '提交成功' })
  }

  protected async callbackFor(ticket: TicketDoc, d: Decision) {
    const p = ticket.provider!
    const approved = d.result === 'approved'
    const reason = d.reasonCode ? `${REJECT_REASONS[d.reasonCode]}${d.reasonText ? `，${d.reasonText}` : ''}` : ''
    const imageCode = approved ? digits(18) : undefined
    const form: Record<string, string> = { status: approved ? '3' : '-1', order_no: p.no, sign: zjzapiSign(this.p.apiKey), ...(approved ? { image_receipt: this.receiptUrl(p.no), image: ticket.photoUrl } : { reason }) }
    return {
      callback: { body: new URLSearchParams(form).toString(), url: p.callbackUrl, contentType: 'application/x-www-form-urlencoded' },
      set: { 'provider.status': form.status, ...(imageCode ? { 'provider.imageCode': imageCode, 'provider.resultUrl': this.receiptUrl(p.no) } : { 'provider.reason': reason }) },
    }
  }

  /** A notice as the provider would send it for a ticket (tests replay and forge from it). */
  notice(no: string, status: string, extra: Record<string, string> = {}): string {
    return new URLSearchParams({ status, order_no: no, sign: zjzapiSign(this.p.apiKey), ...extra }).toString()
  }
}

interface ClipImgRequest {
  apikey?: unknown
  receipt_type_id?: unknown
  id_photo_url?: unknown
  custom_fields?: Record<string, unknown>
  callback_url?: unknown
  application_no?: unknown
  application_nos?: unknown
  simulate?: unknown
}

/** 可立图's required fields for every simulated type (its custom_fields example: customer_name, customer_phone, customer_id_card). */
const CLIPIMG_REQUIRED = ['customer_name', 'customer_phone', 'customer_id_card']

/**
 * 可立图 ClipImg on loopback (https://www.clipimg.com/wp/docs/receipt_api/): JSON POSTs with apikey to /types,
 * /submit, /query and /batch_query (≤ 100), coded errors 1001–2002 as documented, `simulate` accepted. A decision
 * sets the application to completed (result_url, image_code) or failed (fail_reason) and POSTs the callback.
 */
export class ClipImgSim extends ProviderSim {
  /** Types the provider stopped issuing (tests: coverage follows the provider's list). */
  readonly dropped = new Set<number>()

  async http(path: string, _contentType: string, body: string): Promise<SimAnswer> {
    let req: ClipImgRequest
    try {
      req = JSON.parse(body) as ClipImgRequest
    } catch {
      return jsonAnswer({ code: 2002, message: '系统异常,请稍后重试' })
    }
    const fail = (code: number, message: string) => jsonAnswer({ code, message })
    if (req.apikey !== this.p.apiKey) return fail(1001, '无效的API密钥')
    if (path === '/types') {
      return jsonAnswer({ code: 0, message: 'success', data: SIM_TYPES.filter((t) => !this.dropped.has(t.id)).map((t) => ({ id: t.id, name: t.name, required_fields: CLIPIMG_REQUIRED, parameter_guide: { customer_name: '申请人姓名', customer_phone: '11 位手机号', customer_id_card: '18 位身份证号' }, processing_time: `${t.processingMinutes}分钟` })) })
    }
    if (path === '/submit') return this.submitApp(req)
    return this.queries(path, req)
  }

  /** /submit: the documented checks in the documented order (1002–1008), then an application_no. */
  private async submitApp(req: ClipImgRequest): Promise<SimAnswer> {
    const fail = (code: number, message: string) => jsonAnswer({ code, message })
    if (req.receipt_type_id === undefined || req.receipt_type_id === '') return fail(1002, '回执类型ID不能为空')
    if (!req.id_photo_url) return fail(1003, '证件照URL不能为空')
    if (!req.custom_fields || typeof req.custom_fields !== 'object') return fail(1004, '自定义字段不能为空')
    const f = req.custom_fields
    if (CLIPIMG_REQUIRED.some((k) => !f[k])) return fail(1005, '必填字段不能为空')
    if (!/^1\d{10}$/.test(String(f.customer_phone))) return fail(1006, '手机号格式不正确')
    if (!/^\d{17}[\dXx]$/.test(String(f.customer_id_card))) return fail(1007, '身份证号格式不正确')
    const typeId = Number(req.receipt_type_id)
    if (!SIM_TYPES.some((t) => t.id === typeId) || this.dropped.has(typeId)) return fail(1008, '无效的回执类型')
    const no = `CL${this.o.now().toISOString().replace(/\D/g, '').slice(0, 14)}${digits(4)}`
    await this.addProviderTicket({ no, name: 'clipimg', typeId, callbackUrl: String(req.callback_url ?? ''), photoUrl: String(req.id_photo_url), applicantName: String(f.customer_name), idNumber: String(f.customer_id_card), cityName: '', simulate: Boolean(req.simulate) })
    return jsonAnswer({ code: 0, message: 'success', data: { application_no: no, status: 'pending' } })
  }

  /** /query and /batch_query (≤ 100), with 1009–1012. */
  private async queries(path: string, req: ClipImgRequest): Promise<SimAnswer> {
    const fail = (code: number, message: string) => jsonAnswer({ code, message })
    if (path === '/query') {
      if (!req.application_no) return fail(1009, '申请单号不能为空')
      const app = await this.application(String(req.application_no))
      return app ? jsonAnswer({ code: 0, message: 'success', data: app }) : fail(1010, '申请记录不存在')
    }
    if (path === '/batch_query') {
      if (!Array.isArray(req.application_nos) || !req.application_nos.length) return fail(1011, '申请单号数组不能为空')
      if (req.application_nos.length > CLIPIMG_BATCH_MAX) return fail(1012, '单次查询申请单号不能超过100个')
      const apps = await Promise.all(req.application_nos.map((n) => this.application(String(n))))
      return jsonAnswer({ code: 0, message: 'success', data: apps.filter(Boolean) })
    }
    return fail(2002, '系统异常,请稍后重试')
  }

  /** An application as /query answers it. */
  async application(no: string) {
    const [t] = await this.tickets.find({ 'provider.no': no }, { limit: 1 })
    if (!t?.provider) return null
    const p = t.provider
    return { application_no: p.no, status: p.status, receipt_type_id: p.typeId, ...(p.status === 'completed' ? { result_url: p.resultUrl, image_code: p.imageCode } : {}), ...(p.status === 'failed' ? { fail_reason: p.reason } : {}), created_at: t.submittedAt }
  }

  /** Changes what /query answers for an application (tests: a provider that changes its mind, or a callback that was lost). */
  async setApplication(no: string, set: { status: string; imageCode?: string; reason?: string }): Promise<void> {
    await this.tickets.update({ 'provider.no': no }, { set: { 'provider.status': set.status, ...(set.imageCode ? { 'provider.imageCode': set.imageCode, 'provider.resultUrl': this.receiptUrl(no) } : {}), ...(set.reason ? { 'provider.reason': set.reason } : {}) } })
  }

  protected async callbackFor(ticket: TicketDoc, d: Decision) {
    const p = ticket.provider!
    const approved = d.result === 'approved'
    const imageCode = approved ? digits(18) : undefined
    const reason = d.reasonCode ? `${REJECT_REASONS[d.reasonCode]}${d.reasonText ? `，${d.reasonText}` : ''}` : ''
    const set = { 'provider.status': approved ? 'completed' : 'failed', ...(imageCode ? { 'provider.imageCode': imageCode, 'provider.resultUrl': this.receiptUrl(p.no) } : { 'provider.reason': reason }) }
    const body = { application_no: p.no, status: approved ? 'completed' : 'failed', ...(approved ? { result_url: this.receiptUrl(p.no), image_code: imageCode } : { fail_reason: reason }) }
    return { callback: { body: JSON.stringify(body), url: p.callbackUrl, contentType: 'application/json' }, set }
  }
}

