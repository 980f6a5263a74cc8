import { invoke } from '../../cloudfunctions/_shared/handler'
import type { Caller } from '../../cloudfunctions/_shared/ports'
import { cancellationFunction } from '../../cloudfunctions/cancellation/cancellation.function'
import { opsFunction } from '../../cloudfunctions/ops/ops.function'
import type { ApplicationDoc } from '../../cloudfunctions/_shared/cancellation/application.store'
import type { ApplicationView } from '@/domain/cancellation/cancellation.view'
import type { MaterialKind } from '@/domain/cancellation/reasons'
import type { Reply } from '@/domain/errors'
import type { TestPorts } from './store'

/** A valid application for 深圳, reason 退休不满15年 (the ICBC test card passes the Luhn check). */
export const APPLICATION = {
  cityCode: '440300',
  reason: 'retire_short',
  accountState: 'normal',
  realNameVerified: true,
  insured: { name: '陈小梅', idNumber: '11010519491231002X' },
  phone: '13912345678',
  bank: { bankCode: 'ICBC', cardNumber: '6222 0212 3456 7890 128', holderName: '陈小梅' },
}
export const CARD_DIGITS = '6222021234567890128'

/** A one-page PDF: just enough bytes for the type check. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
/** The eight-byte PNG signature and an IHDR start: a file the sniffer takes for PNG. */
export const TINY_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

export const call = <T = unknown>(ports: TestPorts, caller: Caller, action: string, data?: unknown) => invoke(cancellationFunction, { action, data }, caller, ports) as Promise<Reply<T>>
export const ops = <T = unknown>(ports: TestPorts, caller: Caller, action: string, data?: unknown) => invoke(opsFunction, { action, data }, caller, ports) as Promise<Reply<T>>

export function ok<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.code}: ${reply.error.message}`)
  return reply.data
}

export async function saveDraft(ports: TestPorts, caller: Caller, overrides: Record<string, unknown> = {}): Promise<ApplicationView> {
  return ok(await call<ApplicationView>(ports, caller, 'save', { ...APPLICATION, ...overrides }))
}

/** Uploads a proof the way the client does (uploadTarget → file upload → attach). */
export async function attachProof(ports: TestPorts, caller: Caller, applicationId: string, kind: MaterialKind, bytes: Buffer = TINY_PDF, ext = 'pdf'): Promise<Reply<ApplicationView>> {
  const { cloudPath } = ok(await call<{ cloudPath: string }>(ports, caller, 'uploadTarget', { applicationId, kind, ext }))
  const { fileID } = await ports.files.upload(cloudPath, bytes)
  return call<ApplicationView>(ports, caller, 'attach', { applicationId, kind, fileID, name: `${kind}.${ext}` })
}

/** A submitted 退休不满15年 application for 深圳 with both required proofs. */
export async function submitted(ports: TestPorts, caller: Caller): Promise<ApplicationView> {
  const draft = await saveDraft(ports, caller)
  ok(await attachProof(ports, caller, draft.applicationId, 'id_card'))
  ok(await attachProof(ports, caller, draft.applicationId, 'termination_application'))
  return ok(await call<ApplicationView>(ports, caller, 'submit', { applicationId: draft.applicationId, subscribed: ['application_result'] }))
}

export const stored = async (ports: TestPorts, id: string) => (await ports.db.collection<ApplicationDoc>('cancellations').get(id)) as ApplicationDoc
