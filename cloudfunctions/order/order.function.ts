import * as v from 'valibot'
import { AppError } from '../../src/domain/errors'
import { maskIdNumber, requireIdNumber } from '../../src/domain/identity/id-number'
import { maskPhone } from '../../src/domain/identity/phone'
import { TEMPLATE_KEYS, type TemplateKey } from '../../src/domain/notify/templates'
import { ORDER_STATUS_LABELS, historyEntry, unpaidDeadline } from '../../src/domain/order/order.machine'
import { providerTypeOf } from '../_shared/provider/coverage'
import { Applicant, CreateOrderFields, GetOrderInput, receiptOfferedHere, ListOrdersInput, ResubmitOrderInput, statesForTab } from '../../src/domain/order/order.schema'
import type { CreateOrderResult, OrderSummary, OrderView } from '../../src/domain/order/order.view'
import { priceOf } from '../../src/domain/order/prices'
import { resolveSpec, DOCUMENT_TYPES } from '../../src/domain/photo/specs'
import { requireCity } from '../../src/domain/region'
import { shanghaiDate } from '../../src/domain/time'
import { blindIndex, encryptField, newId } from '../_shared/crypto'
import { action, defineFunction, type Ctx } from '../_shared/handler'
import { DuplicateKeyError } from '../_shared/ports'
import { requestedId } from '../_shared/request-id'
import { orders, ownOrder, toSummary, toView, type OrderDoc } from '../_shared/order/order.store'
import { grantConsent } from '../_shared/notify/consent'
import { cancelUnpaidOrder } from '../_shared/payment/payment'
import { deliverSubmission } from '../_shared/order/submission'
import { mustMoveCase } from '../_shared/case/move'
import { ORDER_KIND } from '../_shared/order/order.kind'
import { renderReceiptImage } from '../_shared/order/receipt-image'
import { photos, type PhotoDoc } from '../_shared/photo/photo.store'
import { ProfileId, RELATION_LABELS, personOrProfile } from '../../src/domain/family/family.schema'
import { ownProfile, personOf } from '../_shared/family/family.store'

/** The photo under review is shown through a URL that lives 10 minutes. */
const PHOTO_URL_SECONDS = 600

/** `order.create` also records which subscribe-message templates the user just accepted. */
const CreateFields = v.object({
  ...CreateOrderFields.entries,
  applicant: v.optional(Applicant),
  /** 常用办理人: the applicant is one of the caller's own profiles, filled here (its ID number never goes to the phone). */
  profileId: v.optional(ProfileId),
  subscribed: v.optional(v.array(v.picklist(TEMPLATE_KEYS, '订阅消息类型不正确')), []),
})
type CreateFields = v.InferOutput<typeof CreateFields>
const CreateInput = v.pipe(CreateFields, personOrProfile<CreateFields>('applicant', '请填写申请人信息'), receiptOfferedHere<CreateFields>())

/** The applicant as typed, or the caller's own profile (another user's profile id is PROFILE_NOT_FOUND, nothing written). */
async function applicantOf(ctx: Ctx, input: CreateFields): Promise<{ name: string; idNumber: string; phone: string; relation?: string; profileId?: string }> {
  if (input.profileId) {
    const profile = await ownProfile(ctx, input.profileId)
    return { ...personOf(ctx, profile), relation: RELATION_LABELS[profile.relation], profileId: profile._id }
  }
  if (!input.applicant) throw new AppError('VALIDATION_FAILED', '请填写申请人信息')
  return input.applicant
}

/** The caller's own checked photo that meets the spec of this type and city, or a coded error. */
async function usablePhoto(ctx: Ctx, photoId: string, specId: string): Promise<PhotoDoc> {
  const photo = await photos(ctx).get(photoId)
  if (!photo || photo.openid !== ctx.caller.openid || !photo.fileID) throw new AppError('NOT_FOUND', '照片不存在，请重新拍摄或上传')
  if (photo.blocked) throw new AppError('VALIDATION_FAILED', '这张照片没有通过检测，请按提示重新拍摄')
  if (photo.specId !== specId) throw new AppError('VALIDATION_FAILED', '照片规格与所选证件和城市不一致，请重新检测照片')
  return photo
}

async function view(ctx: Ctx, order: OrderDoc): Promise<OrderView> {
  const photo = await photos(ctx).get(order.photoId)
  const url = photo?.fileID ? (await ctx.files.tempUrls([photo.fileID], PHOTO_URL_SECONDS))[0]?.url : undefined
  return { ...toView(order, ctx.clock.now(), url), photoChecks: photo?.checks }
}

/** Asks cloudPay (the local cashier in local mode) for the order's payment; the same trade may be asked for again. */
function askPayment(ctx: Ctx, order: OrderDoc): Promise<CreateOrderResult['payment']> {
  const title = `${DOCUMENT_TYPES.find((d) => d.type === order.documentType)?.title ?? ''}照片回执-${order.cityName}`
  // Payable only until the order's unpaid deadline (cloudPay's timeExpire), when the sweeper cancels it.
  return ctx.pay.unifiedOrder({ outTradeNo: order._id, totalFee: order.amountFen, body: title, openid: ctx.caller.openid, expiresAt: unpaidDeadline(order.createdAt) })
}

/** The answer to a create that already happened: the same order, with its payment asked for again. */
async function createdBefore(ctx: Ctx, order: OrderDoc): Promise<CreateOrderResult> {
  return { orderId: order._id, amountFen: order.amountFen, payment: await askPayment(ctx, order) }
}

async function create(input: CreateFields, ctx: Ctx): Promise<CreateOrderResult> {
  const orderId = input.requestId ? requestedId(ctx, 'od', input.requestId) : newId('od')
  const earlier = input.requestId ? await orders(ctx).get(orderId) : null
  if (earlier && earlier.openid === ctx.caller.openid) return createdBefore(ctx, earlier)
  const now = ctx.clock.now()
  const applicant = await applicantOf(ctx, input)
  const id = requireIdNumber(applicant.idNumber, shanghaiDate(now))
  const city = requireCity(input.cityCode)
  const spec = resolveSpec(input.documentType, city.code)
  // Before payment: nobody pays for a receipt the configured provider cannot (or no longer) issue.
  await providerTypeOf(ctx, input.documentType, city.code)
  const photo = await usablePhoto(ctx, input.photoId, spec.id)
  const at = now.toISOString()
  const order: OrderDoc = {
    _id: orderId,
    openid: ctx.caller.openid,
    status: 'created',
    version: 0,
    documentType: input.documentType,
    cityCode: city.code,
    cityName: city.name,
    specId: spec.id,
    photoId: photo._id,
    photoFileID: photo.fileID as string,
    ...(applicant.profileId ? { profileId: applicant.profileId } : {}),
    applicant: {
      name: applicant.name,
      idNumberSealed: encryptField(ctx.config.dataKey, id.normalized),
      idNumberMasked: maskIdNumber(id.normalized),
      phoneSealed: encryptField(ctx.config.dataKey, applicant.phone),
      phoneMasked: maskPhone(applicant.phone),
      idLast4: id.normalized.slice(-4),
      idBlind: blindIndex(ctx.config.dataKey, 'id', id.normalized),
      phoneLast4: applicant.phone.slice(-4),
      ...(applicant.relation ? { relation: applicant.relation } : {}),
    },
    statusText: ORDER_STATUS_LABELS.created,
    amountFen: priceOf(input.documentType, city.code),
    history: [historyEntry('created', 'created', 'user', at)],
    submissions: [],
    createdAt: at,
    updatedAt: at,
  }
  const payment = await askPayment(ctx, order)
  try {
    await orders(ctx).add(order)
  } catch (error) {
    // The same request, twice at once: the other one made the order.
    if (!(error instanceof DuplicateKeyError)) throw error
    const other = await orders(ctx).get(orderId)
    if (!other || other.openid !== ctx.caller.openid) throw error
    return createdBefore(ctx, other)
  }
  await grantConsent(ctx, ctx.caller.openid, input.subscribed as TemplateKey[])
  ctx.log.info('order created', { orderId: order._id, amountFen: order.amountFen })
  return { orderId: order._id, amountFen: order.amountFen, payment }
}

/** `order.resubmit` records, like create and pay, the templates the user accepted on the 重新提交 tap. */
const ResubmitInput = v.object({ ...ResubmitOrderInput.entries, subscribed: v.optional(v.array(v.picklist(TEMPLATE_KEYS, '订阅消息类型不正确')), []) })

async function resubmit(input: v.InferOutput<typeof ResubmitInput>, ctx: Ctx): Promise<OrderView> {
  const order = await ownOrder(ctx, input.orderId)
  const photo = await usablePhoto(ctx, input.photoId, order.specId)
  const submissionId = newId('sb')
  const moved = await mustMoveCase(ctx, ORDER_KIND, order, 'resubmitted', 'user', {
    set: { photoId: photo._id, photoFileID: photo.fileID, currentSubmissionId: submissionId, pendingSubmit: true },
    push: { submissions: { submissionId, photoId: photo._id, at: ctx.clock.now().toISOString() } },
  })
  await grantConsent(ctx, ctx.caller.openid, input.subscribed as TemplateKey[])
  await deliverSubmission(ctx, moved)
  return view(ctx, (await orders(ctx).get(order._id)) ?? moved)
}

/** The receipt slip as a PNG, rendered once per approved order and kept privately. */
async function receiptImage(input: v.InferOutput<typeof GetOrderInput>, ctx: Ctx): Promise<{ url: string }> {
  const order = await ownOrder(ctx, input.orderId)
  if (order.status !== 'approved' || !order.receipt) throw new AppError('ORDER_INVALID_TRANSITION', '审核通过后才能下载回执')
  const cloudPath = `receipts/${order._id}.png`
  let fileID = order.receiptFileID
  if (!fileID) {
    const photo = await ctx.files.download(order.photoFileID)
    const summary = toSummary(order)
    const png = await renderReceiptImage({ ...order.receipt, documentTitle: summary.documentTitle, cityLabel: summary.cityLabel, orderId: order._id }, photo)
    fileID = (await ctx.files.upload(cloudPath, png)).fileID
    await orders(ctx).update({ _id: order._id }, { set: { receiptFileID: fileID } })
  }
  const [{ url }] = await ctx.files.tempUrls([fileID], PHOTO_URL_SECONDS)
  return { url }
}

/** `order.pay`: pay an order left unpaid (去支付 on the detail page); asks cloudPay again for the same trade. */
const PayInput = v.object({ ...GetOrderInput.entries, subscribed: v.optional(v.array(v.picklist(TEMPLATE_KEYS, '订阅消息类型不正确')), []) })

async function payAgain(input: v.InferOutput<typeof PayInput>, ctx: Ctx): Promise<{ payment: CreateOrderResult['payment'] }> {
  const order = await ownOrder(ctx, input.orderId)
  if (order.status !== 'created') throw new AppError('ORDER_INVALID_TRANSITION', '订单已支付或已关闭，无需再次支付')
  const payment = await askPayment(ctx, order)
  await grantConsent(ctx, ctx.caller.openid, input.subscribed as TemplateKey[])
  return { payment }
}

export const orderFunction = defineFunction({
  name: 'order',
  actions: {
    create: action({ input: CreateInput, run: create }),
    get: action({ input: GetOrderInput, run: async (input, ctx) => view(ctx, await ownOrder(ctx, input.orderId)) }),
    list: action({
      input: ListOrdersInput,
      run: async (input, ctx): Promise<OrderSummary[]> => {
        const mine = { openid: ctx.caller.openid, status: { $in: [...statesForTab(input.tab)] }, ...(input.photoId ? { photoId: input.photoId } : {}) }
        const rows = await orders(ctx).find(mine, { orderBy: [['createdAt', 'desc']], limit: 50 })
        return rows.map(toSummary)
      },
    }),
    cancel: action({
      input: GetOrderInput,
      run: async (input, ctx) => {
        const cancelled = await cancelUnpaidOrder(ctx, await ownOrder(ctx, input.orderId), 'user')
        if (!cancelled) throw new AppError('ORDER_INVALID_TRANSITION', '订单已支付或状态已变化，不能取消，请刷新后查看')
        return view(ctx, cancelled)
      },
    }),
    resubmit: action({ input: ResubmitInput, run: resubmit }),
    receiptImage: action({ input: GetOrderInput, run: receiptImage }),
    pay: action({ input: PayInput, run: payAgain }),
  },
})
