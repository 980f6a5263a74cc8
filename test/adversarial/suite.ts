import { readFileSync } from 'node:fs'
import path from 'node:path'
import { newId } from '../../cloudfunctions/_shared/crypto'
import { invoke } from '../../cloudfunctions/_shared/handler'
import type { OrderDoc } from '../../cloudfunctions/_shared/order/order.store'
import { applyReviewResult } from '../../cloudfunctions/_shared/review/review-callback.handler'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import { FUNCTIONS } from '../../emulator/functions'
import type { Emulator } from '../../emulator/server'
import { APPLICATION, TINY_PDF } from '../support/cancellations'
import { access, type Owned } from './access'
import { FAMILY_CONSENT_VERSION } from '@/domain/family/family.schema'
import { crashInjection, type CrashConfig } from './crash'
import { fuzz } from './fuzz'
import { hostileFiles } from './hostile'
import type { Figure } from './kit'
import { burst, createOrders, notifyPayCallback, payAtCashier, payReplay } from './money'
import { callbackStorm } from './storm'

const root = path.resolve(__dirname, '../..')
const fixture = readFileSync(path.join(root, 'test', 'fixtures', 'photos', 'face-1.jpg'))

export interface SuiteConfig {
  storm: { orders: number; callbacks: number }
  payOrders: number
  fuzzRuns: number
  burst: number
  crash: CrashConfig
}

export const SHORT: SuiteConfig = { storm: { orders: 100, callbacks: 500 }, payOrders: 40, fuzzRuns: 60, burst: 50, crash: { orders: 20, kills: 8, workers: 4, rejectShare: 0.3 } }
export const FULL: SuiteConfig = { storm: { orders: 1000, callbacks: 5000 }, payOrders: 300, fuzzRuns: 2000, burst: 50, crash: { orders: 100, kills: 50, workers: 8, rejectShare: 0.3 } }

async function call<T>(em: Emulator, caller: Caller, fn: string, action: string, data: unknown): Promise<T> {
  const reply = await invoke(FUNCTIONS[fn], { action, data }, caller, em.ports)
  if (!reply.ok) throw new Error(`${fn}.${action}: ${reply.error.code} ${reply.error.message}`)
  return reply.data as T
}

/** User A's photo, rejected order, cancellation with a proof and formal loss case, made the way clients make them. */
async function setupOwner(em: Emulator, devUser: string, holderId = '11010519491231002X'): Promise<{ caller: Caller; owned: Owned; approvedReceipt: () => Promise<string> }> {
  const caller: Caller = { openid: (await em.identity.resolve(devUser)).openid, appid: 'local' }
  const upload = async () => {
    const { cloudPath } = await call<{ cloudPath: string }>(em, caller, 'photo', 'uploadTarget', {})
    const res = await fetch(`${em.url}/api/files?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'PUT', headers: { 'x-huizhi-user': devUser }, body: new Uint8Array(fixture) })
    return { cloudPath, fileID: ((await res.json()) as { data: { fileID: string } }).data.fileID }
  }
  const first = await upload()
  const photo = await call<{ photoId: string; photo: { fileID: string } }>(em, caller, 'photo', 'normalize', { fileID: first.fileID, specId: 'ssc-shenzhen' })
  const raw = await upload()
  const [order] = await createOrders(em, caller, photo.photoId, 1)
  await notifyPayCallback(em, await payAtCashier(em, order.orderId))
  const doc = (await em.db.collection<OrderDoc>('orders').get(order.orderId)) as OrderDoc
  await applyReviewResult(em.ports, { callbackId: newId('cb'), orderId: order.orderId, submissionId: doc.currentSubmissionId as string, result: 'rejected', reasonCode: 'BACKGROUND_SHADOW', reasonText: '背景有阴影', reviewedAt: em.ports.clock.now().toISOString() })
  const app = await call<{ applicationId: string }>(em, caller, 'cancellation', 'save', APPLICATION)
  const { cloudPath } = await call<{ cloudPath: string }>(em, caller, 'cancellation', 'uploadTarget', { applicationId: app.applicationId, kind: 'id_card', ext: 'pdf' })
  const proof = await em.ports.files.upload(cloudPath, TINY_PDF)
  const attached = await call<{ materials: Array<{ materialId: string }> }>(em, caller, 'cancellation', 'attach', { applicationId: app.applicationId, kind: 'id_card', fileID: proof.fileID })
  const holder = { name: '陈小梅', idNumber: holderId }
  const { verificationToken } = await call<{ verificationToken: string }>(em, caller, 'cardLoss', 'verify', { holder })
  const lossCase = await call<{ caseId: string }>(em, caller, 'cardLoss', 'report', { cityCode: '440100', holder, kind: 'formal', verificationToken })
  const profile = await call<{ profileId: string }>(em, caller, 'user', 'addProfile', { name: '李秀英', relation: 'parent', idNumber: '440305195507083216', phone: '13900139000', consent: { by: 'person', version: FAMILY_CONSENT_VERSION, agreed: true } })
  const approvedReceipt = async () => {
    const [o] = await createOrders(em, caller, photo.photoId, 1)
    const at = em.ports.clock.now()
    await em.db.collection<OrderDoc>('orders').update({ _id: o.orderId }, { set: { status: 'approved', cityCode: '440100', cityName: '广州市', receipt: { receiptNumber: `HZ${Date.now()}`, approvedAt: at.toISOString(), expiresAt: new Date(at.getTime() + 90 * 86_400_000).toISOString() } } })
    return o.orderId
  }
  return {
    caller,
    approvedReceipt,
    owned: { orderId: order.orderId, photoId: photo.photoId, photoFileID: photo.photo.fileID, rawCloudPath: raw.cloudPath, applicationId: app.applicationId, materialId: attached.materials[0].materialId, proofFileID: proof.fileID, caseId: lossCase.caseId, profileId: profile.profileId },
  }
}

/** Concurrency: 50 parallel resubmits of one rejected order, payments of one order, reissues with one receipt. */
async function concurrency(em: Emulator, devUser: string, a: Awaited<ReturnType<typeof setupOwner>>, n: number): Promise<Figure> {
  const http = (fn: string, action: string, data: unknown) => async () => {
    const res = await fetch(`${em.url}/api/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-huizhi-user': devUser }, body: JSON.stringify({ action, data }) })
    return ((await res.json()) as { ok: boolean }).ok
  }
  const resubmits = await burst(n, http('order', 'resubmit', { orderId: a.owned.orderId, photoId: a.owned.photoId }))
  const [fresh] = await createOrders(em, a.caller, a.owned.photoId, 1)
  const note = await payAtCashier(em, fresh.orderId)
  await burst(n, async () => {
    await notifyPayCallback(em, note)
    return true
  })
  const paidDoc = (await em.db.collection<OrderDoc>('orders').get(fresh.orderId)) as OrderDoc
  const payments = paidDoc.history.filter((h) => h.to === 'paid').length
  const receipt = await a.approvedReceipt()
  const reissues = await burst(n, http('cardLoss', 'reissue', { caseId: a.owned.caseId, orderId: receipt, delivery: { method: 'pickup' } }))
  return {
    name: 'concurrency',
    tried: `${n} parallel resubmits of one rejected order, ${n} parallel deliveries of one payment, ${n} parallel reissues with one receipt`,
    outcome: `${resubmits} resubmit, ${payments} payment, ${reissues} reissue took effect`,
    pass: resubmits === 1 && payments === 1 && reissues === 1,
  }
}

/** Runs every figure, against a running emulator or (hostile files, crash injection) emulator processes of their own; returns them in order. */
export async function runSuite(em: Emulator, cfg: SuiteConfig, report: (f: Figure) => void = () => {}): Promise<Figure[]> {
  const figures: Figure[] = []
  const add = (f: Figure) => {
    figures.push(f)
    report(f)
  }
  const a = await setupOwner(em, 'zhangsan')
  const b: Caller = { openid: (await em.identity.resolve('lisi')).openid, appid: 'local' }
  add(await access(em, { caller: a.caller, devUser: 'zhangsan', owned: a.owned }, { caller: b, devUser: 'lisi' }))
  add(await concurrency(em, 'zhangsan', a, cfg.burst))
  add(await hostileFiles())
  add(await callbackStorm(em, cfg.storm))
  add(await payReplay(em, b, (await setupOwner(em, 'lisi', '110105197001010011')).owned.photoId, { orders: cfg.payOrders }))
  const ops: Caller = { openid: (await em.identity.resolve('ops')).openid, appid: 'local' }
  add(await fuzz(em.ports, { runs: cfg.fuzzRuns, user: a.caller, operator: ops }))
  add(await crashInjection(cfg.crash))
  return figures
}
