import { PRIVACY_POLICY_VERSION } from '@/domain/privacy/retention'
import { callFn, uploadTarget, type Emulator } from '../emulator'
import { APPLICANT } from '../orders'
import { APPLICATION } from '../cancellations'
import { fixture } from '../photos'
import { FAMILY_CONSENT_VERSION } from '@/domain/family/family.schema'
import { idNumberCheckChar } from '@/domain/identity/id-number'

/** A child born 2020-01-01 in 深圳, kept as a 常用办理人 with the guardian's consent. */
const CHILD_ID = `44030520200101123${idNumberCheckChar('44030520200101123')}`
export const SEEDED_CHILD = { name: '王小宝', relation: 'child', idNumber: CHILD_ID, phone: '13800138000', consent: { by: 'guardian', version: FAMILY_CONSENT_VERSION, agreed: true } }

/** What the weapp pages are opened on: one case of each kind, made through the same function routes the app calls. */
export interface Seeded {
  photoId: string
  orderId: string
  applicationId: string
  lossCaseId: string
  profileId: string
}

async function ok<T>(em: Emulator, name: string, action: string, data: unknown, user: string): Promise<T> {
  const reply = await callFn(em, name, { action, data }, user)
  if (!reply.body.ok) throw new Error(`${name}.${action}: ${reply.body.error?.code} ${reply.body.error?.message}`)
  return reply.body.data as T
}

/** Consent, a checked photo and an unpaid receipt order, a cancellation draft, a temporary loss report and a child's 常用办理人 for `user`. */
export async function seedCases(em: Emulator, user: string): Promise<Seeded> {
  await ok(em, 'user', 'consent', { version: PRIVACY_POLICY_VERSION }, user)
  const cloudPath = await uploadTarget(em, user)
  const put = await fetch(`${em.url}/api/files?cloudPath=${cloudPath}`, { method: 'PUT', headers: { 'x-huizhi-user': user }, body: new Uint8Array(fixture(1)) })
  const { fileID } = ((await put.json()) as { data: { fileID: string } }).data
  const { photoId } = await ok<{ photoId: string }>(em, 'photo', 'normalize', { fileID, specId: 'ssc-shenzhen' }, user)
  const order = await ok<{ orderId: string }>(em, 'order', 'create', {
    documentType: 'social-security-card',
    cityCode: '440300',
    photoId,
    applicant: APPLICANT,
    subscribed: [],
    requestId: `weapp-seed-${Date.now()}`,
  }, user)
  const application = await ok<{ applicationId: string }>(em, 'cancellation', 'save', { ...APPLICATION, requestId: `weapp-seed-${Date.now()}` }, user)
  const loss = await ok<{ caseId: string }>(em, 'cardLoss', 'report', {
    cityCode: '440100',
    holder: { name: '王小明', idNumber: '11010519491231002X' },
    cardNumber: 'a12345678',
    kind: 'temporary',
  }, user)
  const profile = await ok<{ profileId: string }>(em, 'user', 'addProfile', SEEDED_CHILD, user)
  return {
    profileId: profile.profileId,
    photoId,
    orderId: order.orderId,
    applicationId: application.applicationId,
    lossCaseId: loss.caseId,
  }
}
