import { AppError } from '../../../src/domain/errors'
import {
  CONSENT_BY_LABELS,
  MAX_PROFILES,
  RELATION_LABELS,
  ageBandOf,
  checkProfile,
  type AddProfileInput,
  type ConsentBy,
  type ProfileView,
  type Relation,
} from '../../../src/domain/family/family.schema'
import { maskIdNumber } from '../../../src/domain/identity/id-number'
import { maskPhone } from '../../../src/domain/identity/phone'
import { shanghaiDate } from '../../../src/domain/time'
import { blindIndex, decryptField, encryptField } from '../crypto'
import type { Ctx } from '../handler'
import { DuplicateKeyError, type Ports } from '../ports'

/**
 * A family profile (常用办理人) in `family_profiles`: owned by one openid; ID number and phone sealed (AES-256-GCM)
 * with their masked forms beside them; the consent it was added under, with its version.
 */
export interface FamilyProfileDoc {
  _id: string
  openid: string
  name: string
  relation: Relation
  idNumberSealed: string
  idNumberMasked: string
  /** Blind index of the full ID number: one profile per person per user. */
  idBlind: string
  birthDate: string
  phoneSealed: string
  phoneMasked: string
  consent: { by: ConsentBy; version: string; at: string }
  createdAt: string
}

export const FAMILY_PROFILES_COLLECTION = 'family_profiles'

export const familyProfiles = (ports: Pick<Ports, 'db'>) => ports.db.collection<FamilyProfileDoc>(FAMILY_PROFILES_COLLECTION)

/** The id is derived from the owner and the person, so adding the same person twice (or a retried add) finds one. */
const profileIdOf = (ctx: Ctx, idNumber: string) => `fp_${blindIndex(ctx.config.dataKey, 'profile', `${ctx.caller.openid}:${idNumber}`).slice(0, 24)}`

/**
 * The caller's own profile, or PROFILE_NOT_FOUND: another user's profile is indistinguishable from none, whether it
 * is read, used in a case or deleted.
 */
export async function ownProfile(ctx: Ctx, profileId: string): Promise<FamilyProfileDoc> {
  const doc = await familyProfiles(ctx).get(profileId)
  if (!doc || doc.openid !== ctx.caller.openid) throw new AppError('PROFILE_NOT_FOUND')
  return doc
}

/** The person a profile stands for, opened for a case the caller makes for them. */
export function personOf(ctx: Ctx, doc: FamilyProfileDoc): { name: string; idNumber: string; phone: string } {
  return { name: doc.name, idNumber: decryptField(ctx.config.dataKey, doc.idNumberSealed), phone: decryptField(ctx.config.dataKey, doc.phoneSealed) }
}

export function toProfileView(doc: FamilyProfileDoc, today: string): ProfileView {
  return {
    profileId: doc._id,
    name: doc.name,
    relation: doc.relation,
    relationLabel: RELATION_LABELS[doc.relation],
    idNumberMasked: doc.idNumberMasked,
    phoneMasked: doc.phoneMasked,
    birthDate: doc.birthDate,
    ageBand: ageBandOf(doc.birthDate, today),
    consent: { ...doc.consent, byLabel: CONSENT_BY_LABELS[doc.consent.by] },
    createdAt: doc.createdAt,
  }
}

export async function listProfiles(ctx: Ctx): Promise<ProfileView[]> {
  const rows = await familyProfiles(ctx).find({ openid: ctx.caller.openid }, { orderBy: [['createdAt', 'asc']], limit: MAX_PROFILES * 2 })
  const today = shanghaiDate(ctx.clock.now())
  return rows.map((doc) => toProfileView(doc, today))
}

/**
 * `user.addProfile`: checks the person and the consent (nothing is written on a refusal), refuses a ninth profile and
 * a person already saved. The consent is recorded with its version and the time it was given.
 */
export async function addProfile(ctx: Ctx, input: AddProfileInput): Promise<ProfileView> {
  const now = ctx.clock.now()
  const today = shanghaiDate(now)
  const { birthDate } = checkProfile(input, today)
  const profileId = profileIdOf(ctx, input.idNumber)
  const existing = await familyProfiles(ctx).get(profileId)
  if (existing) throw new AppError('PROFILE_DUPLICATE')
  if ((await familyProfiles(ctx).count({ openid: ctx.caller.openid })) >= MAX_PROFILES) throw new AppError('PROFILE_LIMIT_REACHED')
  const at = now.toISOString()
  const doc: FamilyProfileDoc = {
    _id: profileId,
    openid: ctx.caller.openid,
    name: input.name,
    relation: input.relation,
    idNumberSealed: encryptField(ctx.config.dataKey, input.idNumber),
    idNumberMasked: maskIdNumber(input.idNumber),
    idBlind: blindIndex(ctx.config.dataKey, 'id', input.idNumber),
    birthDate,
    phoneSealed: encryptField(ctx.config.dataKey, input.phone),
    phoneMasked: maskPhone(input.phone),
    consent: { by: input.consent.by, version: input.consent.version, at },
    createdAt: at,
  }
  try {
    await familyProfiles(ctx).add(doc)
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('PROFILE_DUPLICATE')
    throw error
  }
  // The count above and the add are two requests (no transaction here), so two adds at the same moment can both pass
  // it. Counting again after the write closes that: an add that finds more than the cap takes itself back, so no
  // ninth profile stays (at worst both concurrent adds are refused and the user adds one again).
  if ((await familyProfiles(ctx).count({ openid: ctx.caller.openid })) > MAX_PROFILES) {
    await familyProfiles(ctx).remove({ _id: profileId, openid: ctx.caller.openid })
    throw new AppError('PROFILE_LIMIT_REACHED')
  }
  ctx.log.info('family profile added', { profileId })
  return toProfileView(doc, today)
}

/** Collections whose cases name the profile they were made for, by the field `profileId`. */
const CASES_BY_PROFILE = ['orders', 'cancellations', 'loss_cases'] as const

/**
 * `user.removeProfile`: deletes the caller's own profile and unlinks it from their cases (which keep the person's
 * details they were made with: a case is a record of what was filed).
 */
export async function removeProfile(ctx: Ctx, profileId: string): Promise<{ removed: true }> {
  const doc = await ownProfile(ctx, profileId)
  for (const name of CASES_BY_PROFILE) await ctx.db.collection(name).update({ openid: ctx.caller.openid, profileId: doc._id }, { set: { profileId: null } })
  await familyProfiles(ctx).remove({ _id: doc._id, openid: ctx.caller.openid })
  ctx.log.info('family profile removed', { profileId })
  return { removed: true }
}
