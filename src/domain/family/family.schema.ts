import * as v from 'valibot'
import { AppError } from '../errors'
import { IdNumber, requireIdNumber } from '../identity/id-number'
import { Phone } from '../identity/phone'
import { ApplicantName } from '../order/order.schema'
import { RequestId } from '../request-id'

/**
 * Family profiles (常用办理人): people a user acts for — a newborn's first 社保卡, an elderly parent's card loss,
 * a deceased parent's account. Stored per user with the ID number and phone sealed; filled into a case on the
 * server by its id, so the full ID number never goes back to the phone.
 */

/** A user keeps at most this many profiles (issue #20). */
export const MAX_PROFILES = 8

/**
 * The version of the consent text a profile is added under (《常用办理人信息授权》, `FAMILY_CONSENT_TEXT` in the pages'
 * copy). A new text gets a new version; profiles keep the version they were added under.
 */
export const FAMILY_CONSENT_VERSION = '2026-12-02'

/**
 * PIPL 第三十一条: 个人信息处理者处理不满十四周岁未成年人个人信息的，应当取得未成年人的父母或者其他监护人的同意。
 * Below this age the consent must be the guardian's.
 */
export const GUARDIAN_CONSENT_UNDER_AGE = 14

/** Ages at which the photo guidance changes: babies who cannot sit are photographed lying down (rule of this project). */
export const INFANT_UNDER_AGE = 1
/** Children below this age get the child's guide (a grown-up out of frame, no toys); rule of this project. */
export const CHILD_UNDER_AGE = 7

export const RELATIONS = ['self', 'child', 'parent', 'spouse', 'grandchild', 'grandparent', 'sibling', 'other'] as const
export type Relation = (typeof RELATIONS)[number]
export const RELATION_LABELS: Record<Relation, string> = {
  self: '本人',
  child: '子女',
  parent: '父母',
  spouse: '配偶',
  grandchild: '孙子女/外孙子女',
  grandparent: '祖父母/外祖父母',
  sibling: '兄弟姐妹',
  other: '其他亲友',
}

/** Who agreed to the profile being kept: the person themselves, or their parent or other guardian. */
export const CONSENT_BY = ['person', 'guardian'] as const
export type ConsentBy = (typeof CONSENT_BY)[number]
export const CONSENT_BY_LABELS: Record<ConsentBy, string> = { person: '本人同意', guardian: '监护人同意' }

/** A profile: `fp_` and 24 lower-case hex digits, derived on the server from the owner and the ID number. */
export const ProfileId = v.pipe(v.string('缺少办理人编号'), v.regex(/^fp_[0-9a-f]{24}$/, '办理人编号不正确'))
export const isProfileId = (value: unknown): value is string => v.is(ProfileId, value)

/** `user.addProfile`: the person, how they relate to the user, and the consent given (by whom, under which text). */
export const AddProfileInput = v.object({
  name: ApplicantName,
  relation: v.picklist(RELATIONS, '请选择与您的关系'),
  idNumber: IdNumber,
  /** The person's phone, or for a child the guardian's: the contact for the cases made for them. */
  phone: Phone,
  consent: v.object(
    {
      by: v.picklist(CONSENT_BY, '请选择由本人还是监护人同意'),
      version: v.literal(FAMILY_CONSENT_VERSION, '授权说明已更新，请重新阅读后同意'),
      agreed: v.literal(true, '请确认已取得本人或监护人的同意'),
    },
    '请确认已取得本人或监护人的同意',
  ),
  requestId: v.optional(RequestId),
})
export type AddProfileInput = v.InferOutput<typeof AddProfileInput>

export const ProfileRef = v.object({ profileId: ProfileId })

/** Whole years between a birth date and today (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years
}

export type AgeBand = 'infant' | 'child' | 'adult'

/** Which photo guidance fits: an infant lies on a white sheet, a child gets the child's guide, others the usual one. */
export function ageBandOf(birthDate: string, today: string): AgeBand {
  const age = ageOn(birthDate, today)
  if (age < INFANT_UNDER_AGE) return 'infant'
  if (age < CHILD_UNDER_AGE) return 'child'
  return 'adult'
}

/**
 * The rules across fields, shared by the form and the function (`today` in Asia/Shanghai): the birth date is not in
 * the future; under 14 the consent is the guardian's (PIPL 第三十一条); a profile for 本人 is consented by the person.
 */
export function checkProfile(input: AddProfileInput, today: string): { birthDate: string; ageBand: AgeBand } {
  const id = requireIdNumber(input.idNumber, today)
  const age = ageOn(id.birthDate, today)
  if (age < GUARDIAN_CONSENT_UNDER_AGE && input.consent.by !== 'guardian') {
    throw new AppError('PROFILE_CONSENT_INVALID', '不满十四周岁的未成年人，需由父母或其他监护人同意', [{ path: 'consent.by', message: '不满十四周岁，需监护人同意' }])
  }
  if (input.relation === 'self' && input.consent.by !== 'person') {
    throw new AppError('PROFILE_CONSENT_INVALID', '本人信息请由本人同意', [{ path: 'consent.by', message: '本人信息请由本人同意' }])
  }
  return { birthDate: id.birthDate, ageBand: ageBandOf(id.birthDate, today) }
}

/** A profile as its owner sees it: the name in full (they typed it), the ID number and phone masked. */
export interface ProfileView {
  profileId: string
  name: string
  relation: Relation
  relationLabel: string
  idNumberMasked: string
  phoneMasked: string
  birthDate: string
  ageBand: AgeBand
  consent: { by: ConsentBy; byLabel: string; version: string; at: string }
  createdAt: string
}

/** One case made for a profile, as listed under it. */
export interface ProfileCase {
  kind: 'order' | 'cancellation' | 'card_loss'
  id: string
  title: string
  statusLabel: string
  createdAt: string
}

/**
 * A case names its person either by the fields typed in (`person`) or by one of the caller's profiles (`profileId`),
 * never both: the error belongs to the person's field.
 */
export function personOrProfile<T extends { profileId?: string }>(field: keyof T & string, missing: string) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const value = dataset.value
    const typed = value[field] !== undefined
    const path: [v.IssuePathItem] = [{ type: 'object', origin: 'value', input: value as Record<string, unknown>, key: field, value: value[field] }]
    if (!typed && !value.profileId) addIssue({ message: missing, path })
    if (typed && value.profileId) addIssue({ message: '已选择常用办理人，无需再填写', path })
  })
}
