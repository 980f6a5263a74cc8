import { AppError } from '@/domain/errors'
import { unwrap, withRetry, type CallOptions } from './reply'

/**
 * H5 build: cloud functions run in the local emulator and are reached over HTTP.
 * The emulator answers with the same Reply a CloudBase function returns.
 */
const API_BASE = process.env.TARO_APP_API_BASE ?? ''

export function initPlatform(): void {}

async function post(url: string, init: RequestInit): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(url, { credentials: 'include', ...init })
  } catch {
    throw new AppError('NETWORK_ERROR')
  }
  try {
    return await res.json()
  } catch {
    throw new AppError(res.status >= 500 ? 'NETWORK_ERROR' : 'INTERNAL')
  }
}

export function callFunction<T>(name: string, action: string, data?: unknown, options: CallOptions = {}): Promise<T> {
  return withRetry(async () => {
    const reply = await post(`${API_BASE}/api/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action, data }),
    })
    return unwrap<T>(reply)
  }, options.retries ?? 0)
}

/** Uploads a local file (a blob: or data: URL on H5) to private storage and returns its fileID. */
export async function uploadFile(localPath: string, cloudPath: string): Promise<string> {
  let blob: Blob
  try {
    blob = await (await fetch(localPath)).blob()
  } catch {
    throw new AppError('NETWORK_ERROR')
  }
  const reply = await post(`${API_BASE}/api/files?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'PUT', body: blob })
  return unwrap<{ fileID: string }>(reply).fileID
}
