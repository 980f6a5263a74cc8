import type { TemplateIds } from '../../src/domain/notify/templates'
import type { Retention } from '../../src/domain/privacy/retention'
import type { PaymentParams } from '../../src/domain/order/order.view'
import type { ProviderName, ProviderVerdict } from '../../src/domain/provider/receipt-provider'

/**
 * Ports: what a handler may touch in the outside world.
 * Production adapters wrap wx-server-sdk (see ./wx); local adapters live in /emulator.
 * Handlers receive them through the context and never import an adapter.
 */

/** Every stored document has a string `_id`, as in CloudBase. */
export interface Doc {
  _id: string
}

type Scalar = string | number | boolean | null

/** A comparison on one field. The operators are the subset CloudBase's `db.command` and the embedded store share. */
export interface FieldOps {
  $eq?: Scalar
  $ne?: Scalar
  $in?: readonly Scalar[]
  $nin?: readonly Scalar[]
  $gt?: string | number
  $gte?: string | number
  $lt?: string | number
  $lte?: string | number
}

/** A conjunction of field conditions; dotted paths reach into nested objects. */
export type Where = Record<string, Scalar | FieldOps>

/** An update: fields to set, arrays to append to, numbers to add to. */
export interface Patch {
  /**
   * Each field becomes exactly the value given: an object replaces the stored object whole (on CloudBase the
   * adapter sends it as `_.set`, since the SDK would otherwise merge it path by path). A dotted key
   * (`'callback.attempts'`) changes one nested field and leaves its siblings.
   */
  set?: Record<string, unknown>
  push?: Record<string, unknown>
  inc?: Record<string, number>
}

export interface FindOptions {
  orderBy?: ReadonlyArray<readonly [field: string, direction: 'asc' | 'desc']>
  limit?: number
  skip?: number
}

export interface Collection<T extends Doc> {
  get(id: string): Promise<T | null>
  /** Inserts a document. With an explicit `_id` that already exists it throws a DuplicateKeyError. */
  add(doc: T): Promise<T>
  find(where: Where, options?: FindOptions): Promise<T[]>
  count(where: Where): Promise<number>
  /**
   * One conditional write: applies the patch to the documents matching `where` and returns how many changed.
   * A state transition is `update({ _id, status: expected }, …)`; 0 means someone else won.
   */
  update(where: Where, patch: Patch): Promise<number>
  remove(where: Where): Promise<number>
}

export interface Db {
  collection<T extends Doc>(name: string): Collection<T>
}

export class DuplicateKeyError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`duplicate _id ${id} in ${collection}`)
    this.name = 'DuplicateKeyError'
  }
}

/** Private file storage. File IDs are opaque strings (`cloud://…` in CloudBase). */
export interface Files {
  upload(cloudPath: string, content: Buffer): Promise<{ fileID: string }>
  download(fileID: string): Promise<Buffer>
  /** Short-lived URLs; CloudBase caps one call at 50 files. */
  tempUrls(fileIDs: readonly string[], maxAgeSeconds: number): Promise<Array<{ fileID: string; url: string }>>
  remove(fileIDs: readonly string[]): Promise<void>
}

export interface Clock {
  now(): Date
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** Who is calling, as the platform says: never taken from the event body. */
export interface Caller {
  openid: string
  appid?: string
}

/** What WeChat Pay says a trade is (cloudPay.queryOrder): `state` is its `trade_state`, or UNKNOWN when it answered with no trade. */
export interface TradeRecord {
  state: string
  totalFee?: number
  transactionId?: string
  description?: string
}

/**
 * WeChat Pay through cloudPay in production; the simulated cashier locally (both through
 * ./payment/cloud-pay.ts, so both give the same answers to the same code).
 */
export interface Pay {
  /** A prepay for the order, payable until `expiresAt` (the order's unpaid deadline). */
  unifiedOrder(input: { outTradeNo: string; totalFee: number; body: string; openid: string; expiresAt: string }): Promise<PaymentParams>
  queryOrder(outTradeNo: string): Promise<TradeRecord>
  /** Closes an unpaid trade so it can no longer be paid: `paid` when WeChat refused because the user had paid. */
  closeOrder(outTradeNo: string): Promise<'closed' | 'paid'>
  /** Asks for a refund; the same `outRefundNo` asked again is the same refund. Throws RefundRefused when WeChat Pay says no. */
  refund(input: { outTradeNo: string; outRefundNo: string; totalFee: number; refundFee: number; reason: string }): Promise<{ refundId: string }>
}

/** A failed send: WeChat's errcode, and whether retrying could help (43101, 40003, 47003, 41030 cannot). */
export class NotifyError extends Error {
  constructor(readonly errcode: number, readonly permanent: boolean, message: string) {
    super(message)
    this.name = 'NotifyError'
  }
}

/** Subscribe messages: openapi.subscribeMessage.send in production; recorded locally. */
export interface Notifier {
  send(input: { openid: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<void>
}

/** One attempt to have a photo reviewed, as the detection center receives it (docs/api/detection-center.openapi.yaml). */
export interface Submission {
  submissionId: string
  orderId: string
  documentType: string
  cityCode: string
  photoUrl: string
  photoSpec: { width: number; height: number; dpi: number; bytes: number }
  applicant: { name: string; idNumber: string; phone: string }
  /** The provider's required_fields for this type, when known: an adapter sends no other personal field. */
  requiredFields?: readonly string[]
}

/** What a provider's query says about one ticket now; `verdict` is undefined for a status we cannot read. */
export interface ProviderStatus {
  ticketId: string
  verdict: ProviderVerdict | undefined
}

/**
 * The receipt provider: our own signed contract (center-http.ts), zjzapi or 可立图 (./provider), chosen by
 * configuration. Locally each adapter talks to a simulator of its provider on loopback.
 */
export interface ReviewCenter {
  /** Whose contract this adapter speaks (absent: our own). */
  provider?: ProviderName
  submit(submission: Submission): Promise<{ ticketId: string }>
  /** What the provider says now about these tickets, where it has a query (可立图); zjzapi and our contract have none. */
  query?(ticketIds: readonly string[]): Promise<ProviderStatus[]>
  /** What a completed order costs us at this provider, in fen (recorded on the order for the operators' margin). */
  costFen?(): number
  /** The provider's type id configured for a document type and city (HUIZHI_PROVIDER_TYPES), or undefined. */
  typeFor?(documentType: string, cityCode: string): number | undefined
  /** The provider's type list (可立图 /types), cached and refreshed by the sweeper (provider/coverage.ts). */
  types?(): Promise<ProviderType[]>
}

/** One receipt type a provider issues, as its type list says. */
export interface ProviderType {
  id: number
  name: string
  /** The fields it needs (可立图 required_fields): nothing else is sent. */
  requiredFields: string[]
  /** Its processing_time in minutes, when the provider states one. */
  processingMinutes?: number
}

/** The configured receipt provider and the secrets that authenticate its callbacks. */
export interface ProviderConfig {
  name: ProviderName
  /** The provider's API key: zjzapi signs every callback with md5 of it. */
  apiKey: string
  /** Our HMAC key for the per-order token in each callback URL (provider-callback.handler.ts). */
  tokenKey: string
}

/** Secrets and settings from the function's environment, never from code. */
export interface Config {
  /** 32-byte key for encrypting ID numbers and phone numbers at rest (AES-256-GCM). */
  dataKey: Buffer
  /** HMAC key the center uses to sign review callbacks. */
  centerCallbackSecret: string
  /** Subscribe-message template IDs by template key; an empty ID means the template is not configured. */
  templateIds: TemplateIds
  /** How long personal data is kept; the sweeper enforces it (src/domain/privacy/retention.ts). */
  retention: Retention
  /** Which receipt provider the review callback speaks for (README, Configuration). */
  provider: ProviderConfig
}

/** The ports every handler gets, plus the caller's identity. */
export interface Ports {
  db: Db
  files: Files
  clock: Clock
  log: Logger
  /** Openids allowed to act as operators (from config; an `operators` collection is also consulted). */
  operatorOpenids: ReadonlySet<string>
  pay: Pay
  notifier: Notifier
  center: ReviewCenter
  config: Config
}
