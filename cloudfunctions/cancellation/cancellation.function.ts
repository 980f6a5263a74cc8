import { randomBytes } from 'node:crypto'
import * as v from 'valibot'
import { bankName } from '../../src/domain/cancellation/banks'
import {
  ApplicationInput,
  AttachMaterialInput,
  GetApplicationInput,
  MaterialTargetInput,
  RemoveMaterialInput,
  checkApplication,
} from '../../src/domain/cancellation/cancellation.schema'
import { APPLICATION_STATUS_LABELS, EDITABLE_STATES } from '../../src/domain/cancellation/cancellation.machine'
import type { ApplicationSummary, ApplicationView } from '../../src/domain/cancellation/cancellation.view'
import { assessEligibility, type Eligibility } from '../../src/domain/cancellation/eligibility'
import { MATERIALS, MATERIAL_LIMITS, REASONS, materialMaxBytes, sniffMaterial } from '../../src/domain/cancellation/reasons'
import { AppError } from '../../src/domain/errors'
import { TEMPLATE_KEYS, type TemplateKey } from '../../src/domain/notify/templates'
import { maskBankCard } from '../../src/domain/identity/bank-card'
import { maskIdNumber, requireIdNumber } from '../../src/domain/identity/id-number'
import { maskPhone } from '../../src/domain/identity/phone'
import { requireCity } from '../../src/domain/region'
import { shanghaiDate } from '../../src/domain/time'
import {
  applications,
  missingMaterials,
  ownApplication,
  proofUrls,
  toSummary,
  toView,
  type ApplicationDoc,
  type MaterialDoc,
} from '../_shared/cancellation/application.store'
import { CANCELLATION_KIND } from '../_shared/cancellation/cancellation.kind'
import { mustMoveCase } from '../_shared/case/move'
import { encryptField, hmacHex, newId } from '../_shared/crypto'
import { DuplicateKeyError } from '../_shared/ports'
import { requestedId } from '../_shared/request-id'
import { action, defineFunction, type Ctx } from '../_shared/handler'
import { grantConsent } from '../_shared/notify/consent'
import { ApplicantName } from '../../src/domain/order/order.schema'
import { IdNumber } from '../../src/domain/identity/id-number'
import { ProfileId, personOrProfile } from '../../src/domain/family/family.schema'
import { ownProfile, personOf } from '../_shared/family/family.store'

/** `cancellation.submit` also records whether the user accepted the result notification on that tap. */
const SubmitInput = v.object({ ...GetApplicationInput.entries, subscribed: v.optional(v.array(v.picklist(TEMPLATE_KEYS, '订阅消息类型不正确')), []) })

/** Proof files are shown through URLs that live 10 minutes. */
const URL_SECONDS = 600

/** Each user's proofs live under a folder named by a keyed hash of their openid, per application. */
function folderOf(ctx: Pick<Ctx, 'caller' | 'config'>, applicationId: string): string {
  return `cancellations/u${hmacHex(ctx.config.dataKey.toString('hex'), `proof-folder:${ctx.caller.openid}`).slice(0, 20)}/${applicationId}`
}

async function view(ctx: Ctx, doc: ApplicationDoc): Promise<ApplicationView> {
  return toView(doc, await proofUrls(ctx, doc, URL_SECONDS))
}

/** The wizard's verdict, re-checked on the server: only applications that can be handled online are taken. */
function requireOnline(input: ApplicationInput): Eligibility {
  const answer = assessEligibility({ cityCode: input.cityCode, reason: input.reason, accountState: input.accountState, realNameVerified: input.realNameVerified })
  if (answer.verdict === 'ineligible') throw new AppError('CANCELLATION_NOT_ELIGIBLE', `暂不符合注销条件：${answer.why.join('；')}`)
  if (answer.verdict === 'offline') throw new AppError('CANCELLATION_OFFLINE_ONLY', `${answer.why}。${answer.route}`)
  return answer
}

function editable(doc: ApplicationDoc): void {
  if (!EDITABLE_STATES.includes(doc.status)) throw new AppError('APPLICATION_INVALID_TRANSITION', '申请已提交审核，审核结果出来前不能修改')
}

/**
 * `cancellation.save` takes the insured person as typed or as one of the caller's family profiles (常用办理人,
 * `profileId`), and the heir likewise (`heirProfileId`, with the relation to the insured from the form).
 */
const Person = v.object({ name: ApplicantName, idNumber: IdNumber })
const SaveFields = v.object({
  ...ApplicationInput.entries,
  insured: v.optional(Person),
  profileId: v.optional(ProfileId),
  heirProfileId: v.optional(ProfileId),
  heir: v.optional(v.object({ ...Person.entries, relation: ApplicationInput.entries.heir.wrapped.entries.relation })),
  heirRelation: v.optional(ApplicationInput.entries.heir.wrapped.entries.relation),
})
type SaveFields = v.InferOutput<typeof SaveFields>
const SaveInput = v.pipe(SaveFields, personOrProfile<SaveFields>('insured', '请填写参保人信息'))

/** The form with its profiles opened: the caller's own only (another user's profile id is PROFILE_NOT_FOUND, nothing written). */
async function withProfiles(ctx: Ctx, input: SaveFields): Promise<{ application: ApplicationInput; profileId?: string }> {
  const insured = input.profileId ? personOf(ctx, await ownProfile(ctx, input.profileId)) : input.insured
  if (!insured) throw new AppError('VALIDATION_FAILED', '请填写参保人信息')
  let heir = input.heir
  if (input.heirProfileId) {
    const person = personOf(ctx, await ownProfile(ctx, input.heirProfileId))
    heir = { name: person.name, idNumber: person.idNumber, relation: input.heirRelation ?? input.heir?.relation ?? 'other' }
  }
  const application: ApplicationInput = {
    applicationId: input.applicationId,
    requestId: input.requestId,
    cityCode: input.cityCode,
    reason: input.reason,
    accountState: input.accountState,
    realNameVerified: input.realNameVerified,
    insured: { name: insured.name, idNumber: insured.idNumber },
    heir,
    phone: input.phone,
    bank: input.bank,
  }
  return { application, profileId: input.profileId }
}

async function saveWithProfiles(input: SaveFields, ctx: Ctx): Promise<ApplicationView> {
  const { application, profileId } = await withProfiles(ctx, input)
  return save(application, ctx, profileId ?? null)
}

/** `cancellation.save`: a new draft, or changes to a draft or a rejected application. */
async function save(input: ApplicationInput, ctx: Ctx, profileId: string | null = null): Promise<ApplicationView> {
  checkApplication(input)
  const { policy } = requireOnline(input)
  const now = ctx.clock.now()
  const today = shanghaiDate(now)
  const insuredId = requireIdNumber(input.insured.idNumber, today)
  const heirId = input.reason === 'death' && input.heir ? requireIdNumber(input.heir.idNumber, today) : undefined
  const city = requireCity(input.cityCode)
  const key = ctx.config.dataKey
  const fields = {
    cityCode: city.code,
    cityName: city.name,
    policyId: policy.id,
    reason: input.reason,
    reasonTitle: REASONS[input.reason].title,
    accountState: input.accountState,
    realNameVerified: input.realNameVerified,
    profileId,
    insured: { name: input.insured.name, idNumberSealed: encryptField(key, insuredId.normalized), idNumberMasked: maskIdNumber(insuredId.normalized), idLast4: insuredId.normalized.slice(-4) },
    ...(heirId && input.heir ? { heir: { name: input.heir.name, relation: input.heir.relation, idNumberSealed: encryptField(key, heirId.normalized), idNumberMasked: maskIdNumber(heirId.normalized) } } : {}),
    contact: { phoneSealed: encryptField(key, input.phone), phoneMasked: maskPhone(input.phone), phoneLast4: input.phone.slice(-4) },
    bank: { bankCode: input.bank.bankCode, bankName: bankName(input.bank.bankCode) ?? input.bank.bankCode, cardSealed: encryptField(key, input.bank.cardNumber), cardMasked: maskBankCard(input.bank.cardNumber), holderName: input.bank.holderName },
    updatedAt: now.toISOString(),
  }
  // A new draft saved again under its request id (a retry, or a second tap after a lost answer) edits that draft.
  const requested = !input.applicationId && input.requestId ? requestedId(ctx, 'ca', input.requestId) : undefined
  const earlier = requested ? await applications(ctx).get(requested) : null
  const targetId = input.applicationId ?? (earlier?.openid === ctx.caller.openid ? earlier._id : undefined)
  if (targetId) {
    const doc = await ownApplication(ctx, targetId)
    editable(doc)
    const changed = await applications(ctx).update({ _id: doc._id, status: doc.status, version: doc.version }, { set: fields, inc: { version: 1 } })
    if (changed !== 1) throw new AppError('CONFLICT')
    return view(ctx, (await applications(ctx).get(doc._id)) as ApplicationDoc)
  }
  const at = now.toISOString()
  const applicationId = requested ?? newId('ca')
  const doc: ApplicationDoc = {
    _id: applicationId,
    openid: ctx.caller.openid,
    status: 'draft',
    statusText: APPLICATION_STATUS_LABELS.draft,
    version: 0,
    ...fields,
    materials: [],
    round: 0,
    decisions: [],
    history: [{ from: 'draft', to: 'draft', actor: 'user', at }],
    createdAt: at,
  }
  try {
    await applications(ctx).add(doc)
  } catch (error) {
    // The same save twice at once: the other one made the draft.
    const other = error instanceof DuplicateKeyError ? await applications(ctx).get(applicationId) : null
    if (other && other.openid === ctx.caller.openid) return view(ctx, other)
    throw error
  }
  ctx.log.info('cancellation draft created', { applicationId: doc._id, reason: doc.reason, cityCode: doc.cityCode })
  return view(ctx, doc)
}

/** `cancellation.uploadTarget`: where to upload one proof (the client then calls `attach`). */
async function uploadTarget(input: v.InferOutput<typeof MaterialTargetInput>, ctx: Ctx): Promise<{ cloudPath: string }> {
  const doc = await ownApplication(ctx, input.applicationId)
  editable(doc)
  if (doc.materials.length >= MATERIAL_LIMITS.maxFiles) throw new AppError('MATERIAL_LIMIT_REACHED')
  const ext = input.ext === 'jpeg' ? 'jpg' : input.ext
  return { cloudPath: `${folderOf(ctx, doc._id)}/${input.kind}-${randomBytes(12).toString('hex')}.${ext}` }
}

/**
 * `cancellation.attach`: checks the uploaded file by its bytes (JPG, PNG or PDF, within its size limit) and
 * adds it to the application. A refused file is deleted; nothing is recorded.
 */
async function attach(input: v.InferOutput<typeof AttachMaterialInput>, ctx: Ctx): Promise<ApplicationView> {
  const doc = await ownApplication(ctx, input.applicationId)
  editable(doc)
  if (!input.fileID.includes(`/${folderOf(ctx, doc._id)}/`)) {
    ctx.log.warn('proof outside the caller folder refused', { applicationId: doc._id })
    throw new AppError('FORBIDDEN', '只能添加您为本申请上传的文件')
  }
  if (doc.materials.some((m) => m.fileID === input.fileID)) return view(ctx, doc)
  let bytes: Buffer
  try {
    bytes = await ctx.files.download(input.fileID)
  } catch {
    throw new AppError('FILE_NOT_FOUND')
  }
  const refuse = async (code: 'MATERIAL_TYPE_UNSUPPORTED' | 'MATERIAL_TOO_LARGE' | 'MATERIAL_LIMIT_REACHED') => {
    await ctx.files.remove([input.fileID])
    throw new AppError(code)
  }
  const mime = sniffMaterial(bytes.subarray(0, 8))
  if (!mime) return refuse('MATERIAL_TYPE_UNSUPPORTED')
  if (bytes.length > materialMaxBytes(mime)) return refuse('MATERIAL_TOO_LARGE')
  if (doc.materials.length >= MATERIAL_LIMITS.maxFiles) return refuse('MATERIAL_LIMIT_REACHED')
  const material: MaterialDoc = {
    materialId: `m_${randomBytes(8).toString('hex')}`,
    kind: input.kind,
    fileID: input.fileID,
    name: input.name.trim() || MATERIALS[input.kind].title,
    mime,
    bytes: bytes.length,
    uploadedAt: ctx.clock.now().toISOString(),
  }
  const changed = await applications(ctx).update({ _id: doc._id, status: doc.status, version: doc.version }, { push: { materials: material }, inc: { version: 1 } })
  if (changed !== 1) {
    await ctx.files.remove([input.fileID])
    throw new AppError('CONFLICT')
  }
  return view(ctx, (await applications(ctx).get(doc._id)) as ApplicationDoc)
}

async function removeMaterial(input: v.InferOutput<typeof RemoveMaterialInput>, ctx: Ctx): Promise<ApplicationView> {
  const doc = await ownApplication(ctx, input.applicationId)
  editable(doc)
  const target = doc.materials.find((m) => m.materialId === input.materialId)
  if (!target) throw new AppError('NOT_FOUND', '材料不存在或已删除')
  const changed = await applications(ctx).update(
    { _id: doc._id, status: doc.status, version: doc.version },
    { set: { materials: doc.materials.filter((m) => m.materialId !== input.materialId), updatedAt: ctx.clock.now().toISOString() }, inc: { version: 1 } },
  )
  if (changed !== 1) throw new AppError('CONFLICT')
  await ctx.files.remove([target.fileID])
  return view(ctx, (await applications(ctx).get(doc._id)) as ApplicationDoc)
}

/**
 * `cancellation.submit`: a complete draft (or a rejected application after changes) goes to review. Every
 * required proof must be attached; the move is one conditional write, so a double tap submits once.
 */
async function submit(input: v.InferOutput<typeof SubmitInput>, ctx: Ctx): Promise<ApplicationView> {
  const doc = await ownApplication(ctx, input.applicationId)
  editable(doc)
  const missing = missingMaterials(doc)
  if (missing.length) {
    throw new AppError(
      'MATERIALS_MISSING',
      `还缺少：${missing.map((k) => MATERIALS[k].title).join('、')}`,
      missing.map((k) => ({ path: `materials.${k}`, message: `请上传${MATERIALS[k].title}` })),
    )
  }
  const answer = assessEligibility({ cityCode: doc.cityCode, reason: doc.reason, accountState: doc.accountState, realNameVerified: doc.realNameVerified })
  if (answer.verdict !== 'online') throw new AppError(answer.verdict === 'offline' ? 'CANCELLATION_OFFLINE_ONLY' : 'CANCELLATION_NOT_ELIGIBLE')
  const at = ctx.clock.now().toISOString()
  await grantConsent(ctx, ctx.caller.openid, input.subscribed as TemplateKey[])
  const submitted = await mustMoveCase(ctx, CANCELLATION_KIND, doc, doc.status === 'draft' ? 'submit' : 'resubmit', 'user', { set: { round: doc.round + 1, submittedAt: at } })
  // Handing it to the office's queue is the system's move; if this process dies here, the sweeper does it.
  const forwarded = (await mustMoveCase(ctx, CANCELLATION_KIND, submitted, 'forward', 'system').catch(() => null)) ?? submitted
  ctx.log.info('cancellation submitted', { applicationId: doc._id, round: doc.round + 1 })
  return view(ctx, forwarded)
}

export const cancellationFunction = defineFunction({
  name: 'cancellation',
  actions: {
    save: action({ input: SaveInput, run: saveWithProfiles }),
    get: action({ input: GetApplicationInput, run: async (input, ctx) => view(ctx, await ownApplication(ctx, input.applicationId)) }),
    list: action({
      input: v.optional(v.object({}), {}),
      run: async (_input, ctx): Promise<ApplicationSummary[]> =>
        (await applications(ctx).find({ openid: ctx.caller.openid }, { orderBy: [['createdAt', 'desc']], limit: 50 })).map(toSummary),
    }),
    uploadTarget: action({ input: MaterialTargetInput, run: uploadTarget }),
    attach: action({ input: AttachMaterialInput, run: attach }),
    removeMaterial: action({ input: RemoveMaterialInput, run: removeMaterial }),
    submit: action({ input: SubmitInput, run: submit }),
  },
})
