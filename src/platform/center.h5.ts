import { AppError } from '@/domain/errors'
import { unwrap } from './reply'
import type { CenterDecision, CenterTicket } from './center.types'

export type { CenterDecision, CenterTicket } from './center.types'

/**
 * H5 build (local mode): the emulator's simulated detection center, as the operator sees it. Both calls carry the
 * operator's dev session cookie (set on /__dev), so they are sent with `credentials: 'include'`.
 */
const API_BASE = process.env.TARO_APP_API_BASE ?? ''

/** The review desk exists only where the simulated center does. */
export const centerAvailable = true

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response
  try {
    res = await fetch(`${API_BASE}${path}`, { credentials: 'include', ...init })
  } catch {
    throw new AppError('NETWORK_ERROR')
  }
  let body: unknown
  try {
    body = await res.json()
  } catch {
    throw new AppError(res.status === 404 ? 'NOT_FOUND' : res.status >= 500 ? 'NETWORK_ERROR' : 'INTERNAL')
  }
  return unwrap<T>(body)
}

/** Photos are served by the emulator; a relative address is made absolute against it. */
function absolute(url: string): string {
  return url.startsWith('/') ? `${API_BASE}${url}` : url
}

/** The agreed shape names the ticket `ticketId`; a stored document may still carry it as `_id`. */
type WireTicket = Omit<CenterTicket, 'ticketId'> & { ticketId?: string; _id?: string }

export async function centerQueue(): Promise<CenterTicket[]> {
  const tickets = await request<WireTicket[]>('/center/queue')
  return tickets.map(({ _id, ticketId, ...t }) => ({ ...t, ticketId: ticketId ?? _id ?? '', photoUrl: absolute(t.photoUrl) }))
}

export function centerDecide(decision: CenterDecision): Promise<unknown> {
  return request<unknown>('/center/decide', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(decision),
  })
}
