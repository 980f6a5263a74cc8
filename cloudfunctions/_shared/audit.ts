import { newId } from './crypto'
import type { Ports } from './ports'

/**
 * The audit log: every operator action and every reveal of personal data, with who, what, when and
 * why. Append-only: this module only adds, and no function exposes an update or a delete on it.
 */
export interface AuditDoc {
  _id: string
  at: string
  operator: string
  action: string
  target: string
  reason?: string
}

export const AUDIT_COLLECTION = 'audit_log'

export async function appendAudit(ports: Pick<Ports, 'db' | 'clock'>, entry: Omit<AuditDoc, '_id' | 'at'>): Promise<void> {
  await ports.db.collection<AuditDoc>(AUDIT_COLLECTION).add({ _id: newId('au'), at: ports.clock.now().toISOString(), ...entry })
}

export async function listAudit(ports: Pick<Ports, 'db'>, limit = 200): Promise<AuditDoc[]> {
  return ports.db.collection<AuditDoc>(AUDIT_COLLECTION).find({}, { orderBy: [['at', 'desc']], limit })
}
