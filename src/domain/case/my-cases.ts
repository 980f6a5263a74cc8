import type { ApplicationSummary } from '../cancellation/cancellation.view'
import { applicationPhase } from '../cancellation/cancellation.phase'
import type { LossSummary } from '../card-loss/card-loss.view'
import { lossPhase } from '../card-loss/card-loss.phase'
import type { OrderSummary } from '../order/order.view'
import { orderPhase } from '../order/order.phase'
import type { Phase } from './phase'

/** The three kinds of case a user can have in progress, as 我的办理 lists them. */
export const CASE_KINDS = ['receipt', 'card-loss', 'cancellation'] as const
export type CaseKind = (typeof CASE_KINDS)[number]

export const CASE_KIND_LABELS: Readonly<Record<CaseKind, string>> = {
  receipt: '照片回执',
  'card-loss': '社保卡挂失',
  cancellation: '社保账号注销',
}

/** The same kinds in two characters, for a row of tabs that must fit a 320 px screen. */
export const CASE_KIND_SHORT: Readonly<Record<CaseKind, string>> = {
  receipt: '回执',
  'card-loss': '挂失',
  cancellation: '注销',
}

/** One line of 我的办理: what the case is, where it stands, and which page shows it (by kind and id). */
export interface MyCase {
  kind: CaseKind
  id: string
  /** What it is about: 社会保障卡 · 广东省 · 深圳市, 陈小梅的社保卡 · 深圳市, 出国定居 · 深圳市. */
  title: string
  status: string
  statusLabel: string
  phase: Phase
  createdAt: string
  /** Approved receipts: the number to use (回执号). */
  receiptNumber?: string
  /** A receipt made for someone else (常用办理人): who, masked, and how they are related. */
  applicant?: { masked: string; relation?: string }
}

export function receiptCase(o: OrderSummary): MyCase {
  return {
    kind: 'receipt',
    id: o.orderId,
    title: `${o.documentTitle} · ${o.cityLabel}`,
    status: o.status,
    statusLabel: o.statusLabel,
    phase: orderPhase(o.status),
    createdAt: o.createdAt,
    receiptNumber: o.receiptNumber,
    ...(o.applicantMasked ? { applicant: { masked: o.applicantMasked, ...(o.applicantRelation ? { relation: o.applicantRelation } : {}) } } : {}),
  }
}

export function lossCase(l: LossSummary): MyCase {
  return { kind: 'card-loss', id: l.caseId, title: `${l.holderName}的社保卡 · ${l.cityName}`, status: l.status, statusLabel: l.statusLabel, phase: lossPhase(l.status), createdAt: l.createdAt }
}

export function cancellationCase(a: ApplicationSummary): MyCase {
  return { kind: 'cancellation', id: a.applicationId, title: `${a.reasonTitle} · ${a.cityName}`, status: a.status, statusLabel: a.statusLabel, phase: applicationPhase(a.status), createdAt: a.createdAt }
}

/** Every case in one list, newest first (ties keep the kinds' order: receipts, loss reports, cancellations). */
export function mergeCases(orders: readonly OrderSummary[], losses: readonly LossSummary[], applications: readonly ApplicationSummary[]): MyCase[] {
  const all = [...orders.map(receiptCase), ...losses.map(lossCase), ...applications.map(cancellationCase)]
  return all.map((c, i) => ({ c, i })).sort((a, b) => b.c.createdAt.localeCompare(a.c.createdAt) || a.i - b.i).map(({ c }) => c)
}
