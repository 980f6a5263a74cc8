import type { ReceiptChoice } from '../../../src/domain/card-loss/card-loss.view'
import { AppError, type ErrorCode } from '../../../src/domain/errors'
import { daysLeft, isExpired, hasSourcedValidity } from '../../../src/domain/order/receipt-validity'
import type { Ctx } from '../handler'
import type { Ports } from '../ports'
import { orders, type OrderDoc } from '../order/order.store'

/**
 * Why a receipt cannot be used for a card reissue in a city, or undefined when it can. A receipt is refused as expired
 * only where its validity period has a source; an unsourced period is a reference and blocks nothing.
 */
export function receiptProblem(order: OrderDoc, cityCode: string, now: Date): ErrorCode | undefined {
  if (order.documentType !== 'social-security-card') return 'RECEIPT_WRONG_TYPE'
  if (order.status !== 'approved' || !order.receipt) return 'RECEIPT_NOT_APPROVED'
  if (order.receiptUse) return 'RECEIPT_USED'
  if (hasSourcedValidity(order.documentType, order.cityCode) && isExpired(order.receipt.expiresAt, now)) return 'RECEIPT_EXPIRED'
  if (order.cityCode !== cityCode) return 'RECEIPT_WRONG_CITY'
  return undefined
}

const WHY: Partial<Record<ErrorCode, string>> = {
  RECEIPT_NOT_APPROVED: '还没有通过审核',
  RECEIPT_USED: '已经用过',
  RECEIPT_EXPIRED: '已过期',
  RECEIPT_WRONG_CITY: '城市不同',
}

/** The caller's 社保卡 receipts, split into those usable for this city and the others with the reason. */
export async function receiptChoice(ctx: Ctx, cityCode: string): Promise<ReceiptChoice> {
  const now = ctx.clock.now()
  const mine = await orders(ctx).find({ openid: ctx.caller.openid, status: { $in: ['approved', 'reviewing', 'paid', 'rejected'] } }, { orderBy: [['createdAt', 'desc']], limit: 50 })
  const choice: ReceiptChoice = { usable: [], unusable: [] }
  for (const order of mine.filter((o) => o.documentType === 'social-security-card')) {
    const problem = receiptProblem(order, cityCode, now)
    if (!problem && order.receipt) {
      const sourced = hasSourcedValidity(order.documentType, order.cityCode)
      choice.usable.push({ orderId: order._id, receiptNumber: order.receipt.receiptNumber, cityName: order.cityName, expiresAt: order.receipt.expiresAt, daysLeft: sourced ? daysLeft(order.receipt.expiresAt, now) : null })
    } else {
      choice.unusable.push({ orderId: order._id, receiptNumber: order.receipt?.receiptNumber, why: `${order.cityName}，${(problem && WHY[problem]) ?? '不可用'}` })
    }
  }
  return choice
}

/**
 * Marks the receipt used by a case in one conditional write on the order's version: of any number of
 * simultaneous claims on one receipt, exactly one wins; the others get RECEIPT_USED.
 */
export async function claimReceipt(ctx: Ctx, orderId: string, cityCode: string, caseId: string): Promise<OrderDoc> {
  const order = await orders(ctx).get(orderId)
  if (!order || order.openid !== ctx.caller.openid) throw new AppError('RECEIPT_NOT_FOUND')
  const problem = receiptProblem(order, cityCode, ctx.clock.now())
  if (problem) throw new AppError(problem)
  const changed = await orders(ctx).update(
    { _id: order._id, status: 'approved', version: order.version },
    { set: { receiptUse: { caseId, kind: 'card_reissue', at: ctx.clock.now().toISOString() } }, inc: { version: 1 } },
  )
  if (changed !== 1) throw new AppError('RECEIPT_USED')
  return order
}

/** Gives a receipt back when the move that was to use it did not happen. */
export async function releaseReceipt(ports: Pick<Ports, 'db'>, orderId: string, caseId: string): Promise<void> {
  await orders(ports).update({ _id: orderId, 'receiptUse.caseId': caseId }, { set: { receiptUse: null }, inc: { version: 1 } })
}
