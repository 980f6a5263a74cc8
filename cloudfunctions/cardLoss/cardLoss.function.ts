import * as v from 'valibot'
import { LOSS_STATUS_LABELS, REISSUE_STARTED } from '../../src/domain/card-loss/card-loss.machine'
import { formalOffline, lossPolicyFor, reissueOffline } from '../../src/domain/card-loss/card-loss.policy'
import { isSourced } from '../../src/domain/sources/source'
import { LossCaseRef, ReissueInput, ReportLossInput, UpgradeInput, VerifyInput } from '../../src/domain/card-loss/card-loss.schema'
import type { LossSummary, LossView, ReceiptChoice } from '../../src/domain/card-loss/card-loss.view'
import { AppError } from '../../src/domain/errors'
import { maskIdNumber, requireIdNumber } from '../../src/domain/identity/id-number'
import { maskPhone } from '../../src/domain/identity/phone'
import { requireCity } from '../../src/domain/region'
import { shanghaiDate } from '../../src/domain/time'
import { claimReceipt, receiptChoice, releaseReceipt } from '../_shared/card-loss/receipts'
import { lossCases, ownCase, toSummary, toView, type LossDoc } from '../_shared/card-loss/card-loss.store'
import { CARD_LOSS_KIND } from '../_shared/card-loss/card-loss.kind'
import { enqueueOwed, moveCase, mustMoveCase } from '../_shared/case/move'
import { encryptField, hmacHex, newId } from '../_shared/crypto'
import { action, defineFunction, type Ctx } from '../_shared/handler'
import { maskName } from '../../src/domain/identity/name'
import { ApplicantName } from '../../src/domain/order/order.schema'
import { IdNumber } from '../../src/domain/identity/id-number'
import { ProfileId, personOrProfile } from '../../src/domain/family/family.schema'
import { ACTING_FOR } from '../../src/domain/family/acting-for'
import { ownProfile, personOf } from '../_shared/family/family.store'

/** A passed identity check is good for 10 minutes. */
const VERIFICATION_SECONDS = 600
const DAY_MS = 24 * 3600_000

/** A keyed hash of the ID number: finds a holder's cases without storing the number in the clear. */
const blindIndex = (ctx: Pick<Ctx, 'config'>, idNumber: string) => hmacHex(ctx.config.dataKey.toString('hex'), `id:${idNumber}`)

function tokenMac(ctx: Ctx, idBlind: string, expires: number): string {
  return hmacHex(ctx.config.dataKey.toString('hex'), `verify:${ctx.caller.openid}|${idBlind}|${expires}`)
}

/**
 * `cardLoss.verify`: identity re-verification before a formal report. Locally a simulated check that the
 * caller confirms the holder; in production this is where WeChat 实名核身 (face verification) plugs in.
 * Answers a token bound to this user and this ID number, valid 10 minutes.
 */
function verify(input: v.InferOutput<typeof VerifyInput>, ctx: Ctx): { verificationToken: string; expiresAt: string } {
  const id = requireIdNumber(input.holder.idNumber, shanghaiDate(ctx.clock.now()))
  const expires = ctx.clock.now().getTime() + VERIFICATION_SECONDS * 1000
  return { verificationToken: `vt.${expires}.${tokenMac(ctx, blindIndex(ctx, id.normalized), expires)}`, expiresAt: new Date(expires).toISOString() }
}

function requireVerified(ctx: Ctx, token: string | undefined, idBlind: string): void {
  if (!token) throw new AppError('LOSS_VERIFICATION_REQUIRED')
  const [, expiresText, mac] = token.split('.')
  const expires = Number(expiresText)
  if (!(expires > ctx.clock.now().getTime()) || mac !== tokenMac(ctx, idBlind, expires)) throw new AppError('LOSS_VERIFICATION_FAILED')
}

/** `cardLoss.report` takes the holder as typed or as one of the caller's family profiles (常用办理人). */
const ReportFields = v.object({ ...ReportLossInput.entries, holder: v.optional(v.object({ name: ApplicantName, idNumber: IdNumber })), profileId: v.optional(ProfileId) })
type ReportFields = v.InferOutput<typeof ReportFields>
const ReportInput = v.pipe(ReportFields, personOrProfile<ReportFields>('holder', '请填写持卡人信息'))

/**
 * The holder as typed, or the caller's own profile. For a profile only a temporary report is taken: a formal report
 * online needs the holder's own identity check (ACTING_FOR.card_loss_formal, with its source).
 */
async function holderOf(ctx: Ctx, input: ReportFields): Promise<{ name: string; idNumber: string; profileId?: string }> {
  if (!input.profileId) {
    if (!input.holder) throw new AppError('VALIDATION_FAILED', '请填写持卡人信息')
    return input.holder
  }
  const profile = await ownProfile(ctx, input.profileId)
  if (input.kind === 'formal' && !ACTING_FOR.card_loss_formal.allowed) throw new AppError('PROFILE_NOT_ALLOWED', ACTING_FOR.card_loss_formal.note)
  const { name, idNumber } = personOf(ctx, profile)
  return { name, idNumber, profileId: profile._id }
}

/** `cardLoss.report`: a temporary or formal report for the holder's card in a city. */
async function report(input: ReportFields, ctx: Ctx): Promise<LossView> {
  const now = ctx.clock.now()
  const holder = await holderOf(ctx, input)
  const id = requireIdNumber(holder.idNumber, shanghaiDate(now))
  const city = requireCity(input.cityCode)
  const { policy } = lossPolicyFor(city.code)
  const idBlind = blindIndex(ctx, id.normalized)
  if (input.kind === 'formal') {
    if (formalOffline(policy)) throw new AppError('LOSS_FORMAL_OFFLINE_ONLY')
    requireVerified(ctx, input.verificationToken, idBlind)
  }
  if ((await lossCases(ctx).count({ 'holder.idBlind': idBlind, cityCode: city.code, active: true })) > 0) throw new AppError('LOSS_ALREADY_REPORTED')
  const at = now.toISOString()
  const status = input.kind === 'formal' ? 'reported_formal' : 'reported_temporary'
  const doc: LossDoc = {
    _id: newId('lc'),
    openid: ctx.caller.openid,
    status,
    statusText: LOSS_STATUS_LABELS[status],
    version: 0,
    cityCode: city.code,
    cityName: city.name,
    policyId: policy.id,
    ...(holder.profileId ? { profileId: holder.profileId } : {}),
    holder: { name: holder.name, idNumberSealed: encryptField(ctx.config.dataKey, id.normalized), idNumberMasked: maskIdNumber(id.normalized), idLast4: id.normalized.slice(-4), idBlind },
    ...(input.cardNumber ? { cardNumberMasked: `${input.cardNumber.slice(0, 1)}*****${input.cardNumber.slice(-3)}` } : {}),
    ...(status === 'reported_temporary' && isSourced(policy.evidence.temporaryDays) ? { temporaryExpiresAt: new Date(now.getTime() + policy.temporaryDays * DAY_MS).toISOString() } : {}),
    active: true,
    decisions: [],
    history: [{ from: status, to: status, actor: 'user', at }],
    createdAt: at,
    updatedAt: at,
  }
  await lossCases(ctx).add(doc)
  await enqueueOwed(ctx, CARD_LOSS_KIND, doc, 0)
  ctx.log.info('card loss reported', { caseId: doc._id, kind: input.kind, cityCode: city.code })
  return toView(doc)
}

async function upgrade(input: v.InferOutput<typeof UpgradeInput>, ctx: Ctx): Promise<LossView> {
  const doc = await ownCase(ctx, input.caseId)
  if (doc.profileId && !ACTING_FOR.card_loss_formal.allowed) throw new AppError('PROFILE_NOT_ALLOWED', ACTING_FOR.card_loss_formal.note)
  if (formalOffline(lossPolicyFor(doc.cityCode).policy)) throw new AppError('LOSS_FORMAL_OFFLINE_ONLY')
  requireVerified(ctx, input.verificationToken, doc.holder.idBlind)
  return toView(await mustMoveCase(ctx, CARD_LOSS_KIND, doc, 'upgrade', 'user', { set: { temporaryExpiresAt: null } }))
}

async function lift(input: v.InferOutput<typeof LossCaseRef>, ctx: Ctx): Promise<LossView> {
  const doc = await ownCase(ctx, input.caseId)
  if (REISSUE_STARTED.includes(doc.status)) throw new AppError('LOSS_LIFT_AFTER_REISSUE')
  return toView(await mustMoveCase(ctx, CARD_LOSS_KIND, doc, 'lift', 'user'))
}

/**
 * `cardLoss.reissue`: needs a formal report, a region that reissues online, and one of the user's approved,
 * unexpired, unused 社保卡 receipts from the same city. The receipt is claimed first (one conditional write,
 * so simultaneous requests succeed once); if the case then fails to move, the receipt is given back.
 */
async function reissue(input: v.InferOutput<typeof ReissueInput>, ctx: Ctx): Promise<LossView> {
  const doc = await ownCase(ctx, input.caseId)
  if (doc.status !== 'reported_formal' && doc.status !== 'rejected') {
    throw new AppError(doc.status === 'reported_temporary' || doc.status === 'lifted' || doc.status === 'expired' ? 'REISSUE_NEEDS_FORMAL_REPORT' : 'LOSS_INVALID_TRANSITION')
  }
  const { policy } = lossPolicyFor(doc.cityCode)
  if (reissueOffline(policy)) throw new AppError('REISSUE_OFFLINE_ONLY', policy.reissueOfflineNote)
  if (input.delivery.method === 'mail' && !policy.delivery.includes('mail')) throw new AppError('VALIDATION_FAILED', '该地区暂不支持邮寄，请选择网点领取')
  const order = await claimReceipt(ctx, input.orderId, doc.cityCode, doc._id)
  const delivery =
    input.delivery.method === 'mail'
      ? {
          method: 'mail' as const,
          addressSealed: encryptField(ctx.config.dataKey, JSON.stringify(input.delivery.address)),
          addressMasked: `${maskName(input.delivery.address.name)} ${maskPhone(input.delivery.address.phone)} ${input.delivery.address.detail.slice(0, 6)}…`,
        }
      : { method: 'pickup' as const }
  const moved = await moveCase(ctx, CARD_LOSS_KIND, doc, 'request_reissue', 'user', {
    set: { reissue: { orderId: order._id, receiptNumber: order.receipt?.receiptNumber ?? '', delivery, feeFen: isSourced(policy.evidence.reissueFeeFen) ? policy.reissueFeeFen : null, requestedAt: ctx.clock.now().toISOString() } },
  })
  if (!moved) {
    await releaseReceipt(ctx, order._id, doc._id)
    throw new AppError('LOSS_INVALID_TRANSITION')
  }
  return toView(moved)
}

export const cardLossFunction = defineFunction({
  name: 'cardLoss',
  actions: {
    verify: action({ input: VerifyInput, run: async (input, ctx) => verify(input, ctx) }),
    report: action({ input: ReportInput, run: report }),
    upgrade: action({ input: UpgradeInput, run: upgrade }),
    lift: action({ input: LossCaseRef, run: lift }),
    receipts: action({ input: LossCaseRef, run: async (input, ctx): Promise<ReceiptChoice> => receiptChoice(ctx, (await ownCase(ctx, input.caseId)).cityCode) }),
    reissue: action({ input: ReissueInput, run: reissue }),
    get: action({ input: LossCaseRef, run: async (input, ctx) => toView(await ownCase(ctx, input.caseId)) }),
    list: action({
      input: v.optional(v.object({}), {}),
      run: async (_input, ctx): Promise<LossSummary[]> => (await lossCases(ctx).find({ openid: ctx.caller.openid }, { orderBy: [['createdAt', 'desc']], limit: 50 })).map(toSummary),
    }),
  },
})
