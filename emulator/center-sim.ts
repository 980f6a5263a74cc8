import * as v from 'valibot'
import { sign, verifySignature } from '../src/domain/callback/signature'
import type { ReviewResult } from '../src/domain/callback/review-result.schema'
import { AppError } from '../src/domain/errors'
import { maskIdNumber } from '../src/domain/identity/id-number'
import { REJECT_REASONS, type RejectReasonCode } from '../src/domain/order/order.view'
import { parseInput } from '../src/domain/validation'
import { cityByCode } from '../src/domain/region'
import { hmacHex, newId, newNonce } from '../cloudfunctions/_shared/crypto'
import { maskName } from '../src/domain/identity/name'
import { DuplicateKeyError, type Db, type ReviewCenter, type Submission } from '../cloudfunctions/_shared/ports'

/**
 * The simulated detection center: it accepts signed submissions (docs/api/detection-center.openapi.yaml),
 * keeps a review queue that operators decide in the review desk, and calls Huizhi back over HTTP with a
 * signed result, retrying until acknowledged — as a real center would.
 */
export interface TicketDoc {
  _id: string
  submissionId: string
  orderId: string
  documentType: string
  cityCode: string
  cityName: string
  applicantName: string
  idNumberMasked: string
  photoUrl: string
  status: 'pending' | 'approved' | 'rejected'
  submittedAt: string
  decidedAt?: string
  /** The reviewer's coded reason, as people read it. */
  reasonLabel?: string
  /** The callback to deliver, kept until Huizhi acknowledges it; a provider's goes to its own URL with its own type. */
  callback?: { body: string; delivered: boolean; attempts: number; lastStatus?: number; url?: string; contentType?: string }
  /** A provider simulator's own record of the application (emulator/provider-sims.ts). */
  provider?: ProviderTicket
}

/** What a provider simulator keeps beside a ticket: its number, our callback URL, and its answer once decided. */
export interface ProviderTicket {
  name: 'zjzapi' | 'clipimg'
  /** zjzapi's order_no, 可立图's application_no. */
  no: string
  callbackUrl: string
  typeId: number
  status: string
  imageCode?: string
  resultUrl?: string
  reason?: string
  simulate?: boolean
}

/** A decision as the desk sends it, after validation. */
export type Decision = v.InferOutput<typeof DecideInput>

export const DecideInput = v.object({
  ticketId: v.pipe(v.string('缺少工单号'), v.regex(/^tk_[0-9a-f]{24}$/, '工单号不正确')),
  result: v.picklist(['approved', 'rejected'], '请选择通过或不通过'),
  reasonCode: v.optional(v.picklist(Object.keys(REJECT_REASONS) as RejectReasonCode[], '请选择不通过的原因')),
  reasonText: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '说明最多 200 字'))),
})

export interface CenterOptions {
  db: Db
  now: () => Date
  submitSecret: string
  callbackSecret: string
  /** Where Huizhi's review callback listens. */
  callbackUrl: () => string
}

export class SimulatedCenter implements ReviewCenter {
  constructor(protected readonly o: CenterOptions) {}

  protected get tickets() {
    return this.o.db.collection<TicketDoc>('center_tickets')
  }

  /**
   * Accepts a submission; the same submissionId always gets the same ticket, even when two deliveries of it
   * arrive at once (the sweeper's retry and the request's own): the ticket id is derived from the submission
   * id, so the second insert is a duplicate key rather than a second ticket for the reviewers.
   */
  async submit(s: Submission): Promise<{ ticketId: string }> {
    const ticketId = `tk_${hmacHex(this.o.submitSecret, `ticket:${s.submissionId}`).slice(0, 24)}`
    if (await this.tickets.get(ticketId)) return { ticketId }
    try {
      await this.addTicket(ticketId, s)
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
    return { ticketId }
  }

  protected async addTicket(ticketId: string, s: Submission): Promise<void> {
    await this.tickets.add({
      _id: ticketId,
      submissionId: s.submissionId,
      orderId: s.orderId,
      documentType: s.documentType,
      cityCode: s.cityCode,
      cityName: cityByCode(s.cityCode)?.name ?? s.cityCode,
      applicantName: maskName(s.applicant.name),
      idNumberMasked: maskIdNumber(s.applicant.idNumber),
      photoUrl: s.photoUrl,
      status: 'pending',
      submittedAt: this.o.now().toISOString(),
    })
  }

  /** The HTTP face of submit: checks the signature, the timestamp and the nonce first. */
  async submitHttp(headers: Record<string, string | undefined>, body: string): Promise<{ status: number; json: unknown }> {
    const nonce = headers['x-huizhi-nonce'] ?? ''
    const check = verifySignature(
      { timestamp: headers['x-huizhi-timestamp'] ?? '', nonce, body, signature: headers['x-huizhi-signature'] ?? '' },
      this.o.submitSecret,
      hmacHex,
      this.o.now(),
    )
    if (!check.ok) return { status: 401, json: { error: check.reason } }
    try {
      await this.o.db.collection('center_nonces').add({ _id: nonce, at: this.o.now().toISOString() } as never)
    } catch (error) {
      if (error instanceof DuplicateKeyError) return { status: 401, json: { error: 'NONCE_REUSED' } }
      throw error
    }
    let submission: Submission
    try {
      submission = JSON.parse(body) as Submission
    } catch {
      return { status: 422, json: { error: 'MALFORMED' } }
    }
    return { status: 200, json: await this.submit(submission) }
  }

  /** The review desk's queue, newest first; each ticket also carries `ticketId` as the desk names it. */
  async queue(): Promise<Array<Omit<TicketDoc, 'callback'> & { ticketId: string }>> {
    const rows = await this.tickets.find({}, { orderBy: [['submittedAt', 'desc']], limit: 200 })
    return rows.map(({ callback: _callback, ...rest }) => ({ ...rest, ticketId: rest._id }))
  }

  /** A reviewer's decision: recorded once, then called back to Huizhi. */
  async decide(input: unknown): Promise<TicketDoc> {
    const d = parseInput(DecideInput, input)
    if (d.result === 'rejected' && !d.reasonCode) throw new AppError('VALIDATION_FAILED', '请选择不通过的原因')
    const ticket = await this.tickets.get(d.ticketId)
    if (!ticket) throw new AppError('NOT_FOUND', '工单不存在')
    const at = this.o.now().toISOString()
    const callback = await this.callbackFor(ticket, d, at)
    const changed = await this.tickets.update(
      { _id: ticket._id, status: 'pending' },
      {
        set: {
          status: d.result,
          decidedAt: at,
          ...(d.reasonCode ? { reasonLabel: `${REJECT_REASONS[d.reasonCode]}${d.reasonText ? `：${d.reasonText}` : ''}` } : {}),
          callback: { delivered: false, attempts: 0, ...callback.callback },
          ...(callback.set ?? {}),
        },
      },
    )
    if (changed !== 1) throw new AppError('CONFLICT', '该工单已处理')
    await this.deliverCallbacks()
    return (await this.tickets.get(ticket._id)) as TicketDoc
  }

  /** The callback a decision sends, in this center's contract (ours: the signed ReviewResult JSON), and what else the ticket records. */
  protected async callbackFor(ticket: TicketDoc, d: Decision, at: string): Promise<{ callback: { body: string; url?: string; contentType?: string }; set?: Record<string, unknown> }> {
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')
    const result: ReviewResult = {
      callbackId: newId('cb'),
      orderId: ticket.orderId,
      submissionId: ticket.submissionId,
      ticketId: ticket._id,
      result: d.result,
      ...(d.result === 'approved' ? { receiptNumber: `HZ${digits(14)}`, imageNumber: `${digits(18)}` } : {}),
      ...(d.result === 'rejected' ? { reasonCode: d.reasonCode, ...(d.reasonText ? { reasonText: d.reasonText } : {}) } : {}),
      reviewedAt: at,
    }
    return { callback: { body: JSON.stringify(result) } }
  }

  /** Sends every undelivered callback; a 2xx or a final 4xx ends its retries, anything else retries later. */
  async deliverCallbacks(): Promise<number> {
    const due = await this.tickets.find({ 'callback.delivered': false }, { limit: 50 })
    let delivered = 0
    for (const t of due) {
      if (!t.callback) continue
      if (t.callback.url) {
        const status = await this.post(t.callback.url, { 'content-type': t.callback.contentType ?? 'application/json' }, t.callback.body)
        const done = status >= 200 && status < 500
        await this.tickets.update({ _id: t._id }, { set: { 'callback.delivered': done, 'callback.lastStatus': status }, inc: { 'callback.attempts': 1 } })
        if (done) delivered++
        continue
      }
      const timestamp = String(Math.floor(this.o.now().getTime() / 1000))
      const nonce = newNonce()
      const signature = sign({ timestamp, nonce, body: t.callback.body }, this.o.callbackSecret, hmacHex)
      let status = 0
      try {
        const res = await fetch(this.o.callbackUrl(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Huizhi-Timestamp': timestamp, 'X-Huizhi-Nonce': nonce, 'X-Huizhi-Signature': signature },
          body: t.callback.body,
        })
        status = res.status
      } catch {
        status = 0
      }
      const done = status >= 200 && status < 500
      await this.tickets.update({ _id: t._id }, { set: { 'callback.delivered': done, 'callback.lastStatus': status }, inc: { 'callback.attempts': 1 } })
      if (done) delivered++
    }
    return delivered
  }

  /** One callback POST; 0 when Huizhi could not be reached. */
  protected async post(url: string, headers: Record<string, string>, body: string): Promise<number> {
    try {
      return (await fetch(url, { method: 'POST', headers, body })).status
    } catch {
      return 0
    }
  }
}
