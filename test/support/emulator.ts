import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server'

export type { Emulator }

/** Starts the emulator on a free loopback port with the given data directory. */
export function start(dataDir: string, extra: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ dataDir, port: 0, host: '127.0.0.1', ...extra })
}

export interface Call {
  status: number
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } }
}

/** POSTs a raw body to a function route, as a dev user (header) or the default user. */
export async function post(em: Emulator, pathname: string, body: string | Buffer, user?: string): Promise<Call> {
  const res = await fetch(`${em.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user ? { 'x-huizhi-user': user } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
  return { status: res.status, body: (await res.json()) as Call['body'] }
}

export function callFn(em: Emulator, name: string, event: unknown, user?: string): Promise<Call> {
  return post(em, `/api/functions/${name}`, JSON.stringify(event), user)
}

/** Asks the photo function where this dev user may upload the next raw photo. */
export async function uploadTarget(em: Emulator, user: string): Promise<string> {
  const reply = await callFn(em, 'photo', { action: 'uploadTarget' }, user)
  return encodeURIComponent((reply.body.data as { cloudPath: string }).cloudPath)
}
