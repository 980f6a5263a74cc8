import { invoke } from '../../cloudfunctions/_shared/handler'
import type { Caller, Ports } from '../../cloudfunctions/_shared/ports'
import { FUNCTIONS } from '../../emulator/functions'
import type { Emulator } from '../../emulator/server'
import type { Figure } from './kit'
import { createOrders } from './money'
import { APPLICATION } from '../support/cancellations'

/** A cancellation whose insured person is named by a profile (the bank card in that person's name). */
const PROFILE_APPLICATION = { cityCode: APPLICATION.cityCode, reason: APPLICATION.reason, accountState: APPLICATION.accountState, realNameVerified: true, phone: APPLICATION.phone, bank: { ...APPLICATION.bank, holderName: '李秀英' } }

export interface Owned {
  orderId: string
  photoId: string
  photoFileID: string
  rawCloudPath: string
  applicationId: string
  materialId: string
  proofFileID: string
  caseId: string
  /** A's 常用办理人 (family profile). */
  profileId: string
}

/**
 * Access: user B tries every user action that names a case, a photo or a file with user A's ids; a normal
 * user tries every operator action; a client puts A's openid in the payload; and B tries A's files over
 * the file routes. Expected: 0 successes, and the payload openid ignored.
 */
export async function access(em: Emulator, a: { caller: Caller; devUser: string; owned: Owned }, b: { caller: Caller; devUser: string }): Promise<Figure> {
  const ports: Ports = { ...em.ports, log: { info() {}, warn() {}, error() {} } }
  const o = a.owned
  const attempts: Array<[fn: string, action: string, data: unknown]> = [
    ['order', 'get', { orderId: o.orderId }],
    ['order', 'cancel', { orderId: o.orderId }],
    ['order', 'pay', { orderId: o.orderId }],
    ['order', 'resubmit', { orderId: o.orderId, photoId: o.photoId }],
    ['order', 'receiptImage', { orderId: o.orderId }],
    ['order', 'create', { documentType: 'social-security-card', cityCode: '440300', photoId: o.photoId, applicant: { name: '王小明', idNumber: '11010519491231002X', phone: '13812345678' } }],
    ['photo', 'normalize', { fileID: `cloud://local.huizhi/${o.rawCloudPath}`, specId: 'ssc-shenzhen' }],
    ['cancellation', 'get', { applicationId: o.applicationId }],
    ['cancellation', 'submit', { applicationId: o.applicationId }],
    ['cancellation', 'uploadTarget', { applicationId: o.applicationId, kind: 'id_card', ext: 'pdf' }],
    ['cancellation', 'removeMaterial', { applicationId: o.applicationId, materialId: o.materialId }],
    ['cancellation', 'attach', { applicationId: o.applicationId, kind: 'id_card', fileID: o.proofFileID }],
    ['cardLoss', 'get', { caseId: o.caseId }],
    ['cardLoss', 'lift', { caseId: o.caseId }],
    ['cardLoss', 'receipts', { caseId: o.caseId }],
    ['cardLoss', 'reissue', { caseId: o.caseId, orderId: o.orderId, delivery: { method: 'pickup' } }],
    // A's 常用办理人: read, delete, or used as the person of B's own cases.
    ['user', 'profileCases', { profileId: o.profileId }],
    ['user', 'removeProfile', { profileId: o.profileId }],
    ['order', 'create', { documentType: 'social-security-card', cityCode: '440300', photoId: o.photoId, profileId: o.profileId }],
    ['cancellation', 'save', { ...PROFILE_APPLICATION, profileId: o.profileId }],
    ['cardLoss', 'report', { cityCode: '440300', profileId: o.profileId, kind: 'temporary' }],
  ]
  for (const action of Object.keys(FUNCTIONS.ops.actions)) attempts.push(['ops', action, { orderId: o.orderId, applicationId: o.applicationId, caseId: o.caseId, query: '002X', reason: '查看', outboxId: 'x', openid: b.caller.openid, active: true, round: 1, decision: 'approve', decisionId: 'dforged0001' }])
  let successes = 0
  const leaks: string[] = []
  for (const [fn, action, data] of attempts) {
    const reply = await invoke(FUNCTIONS[fn], { action, data }, b.caller, ports)
    if (reply.ok) {
      successes++
      leaks.push(`${fn}.${action}`)
    }
  }
  // An openid in the payload (or WeChat's userInfo) never changes who is calling.
  const spoof = await invoke(FUNCTIONS.order, { action: 'list', data: { openid: a.caller.openid }, openid: a.caller.openid, userInfo: { openId: a.caller.openid } }, b.caller, ports)
  const spoofed = spoof.ok && (spoof.data as Array<{ orderId: string }>).some((r) => r.orderId === o.orderId)
  // File routes: A's files without a signature, A's raw upload path overwritten by B, the review desk as a user.
  const fileTries = [
    await fetch(`${em.url}/files/${o.photoFileID.replace(/^cloud:\/\/[^/]+\//, '')}`),
    await fetch(`${em.url}/files/${o.proofFileID.replace(/^cloud:\/\/[^/]+\//, '')}?expires=9999999999&sig=${'0'.repeat(64)}`),
    await fetch(`${em.url}/api/files?cloudPath=${encodeURIComponent(o.rawCloudPath)}`, { method: 'PUT', headers: { 'x-huizhi-user': b.devUser }, body: new Uint8Array([0xff, 0xd8, 0xff]) }),
    await fetch(`${em.url}/center/queue`, { headers: { 'x-huizhi-user': b.devUser } }),
  ]
  const fileSuccesses = fileTries.filter((r) => r.ok).length
  // System functions called from a client, as any mini-program user can on CloudBase: A marks a new order of
  // their own paid, runs the sweeper, and posts a review result; each must be refused by the entry itself.
  const [own] = await createOrders(em, a.caller, o.photoId, 1)
  const system: Array<[fn: string, event: unknown]> = [
    ['payCallback', { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: own.orderId, totalFee: own.amountFen, transactionId: 'anything' }],
    ['sweeper', { Type: 'Timer', TriggerName: 'sweep-every-minute' }],
    ['reviewCallback', { httpMethod: 'POST', headers: {}, body: JSON.stringify({ orderId: own.orderId, result: 'approved' }) }],
  ]
  let systemSuccesses = 0
  for (const [fn, event] of system) {
    const res = await fetch(`${em.url}/api/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-huizhi-user': a.devUser }, body: JSON.stringify(event) })
    const body = (await res.json()) as { ok?: boolean; error?: { code?: string } }
    if (res.status !== 403 || body.error?.code !== 'FORBIDDEN') {
      systemSuccesses++
      leaks.push(fn)
    }
  }
  if ((await em.db.collection<{ _id: string; status: string }>('orders').get(own.orderId))?.status !== 'created') {
    systemSuccesses++
    leaks.push('payCallback moved the order')
  }
  return {
    name: 'access',
    tried: `${attempts.length} calls by user B with user A's order, photo, application, material, case and family-profile ids (every operator action included), 1 openid spoof, ${fileTries.length} file and desk routes, ${system.length} client calls to system functions (a forged payment of the caller's own order, the sweeper, a review result)`,
    outcome: `${successes + fileSuccesses + systemSuccesses} successes${leaks.length ? ` (${leaks.join(', ')})` : ''}, payload openid ${spoofed ? 'HONOURED' : 'ignored'}`,
    pass: successes === 0 && fileSuccesses === 0 && systemSuccesses === 0 && !spoofed && spoof.ok,
  }
}
