import Taro from '@tarojs/taro'
import type { DevSession } from './device.types'

/** H5 has no WeChat customer-service session; the entry shows the hotline instead. */
export const supportsContactButton = false

/** In local mode, who you are is chosen on the emulator's switcher page. */
export const devSwitcherUrl: string | null = `${process.env.TARO_APP_API_BASE ?? ''}/__dev`

/** Local mode only: who the emulator says you are (its dev session). */
export async function currentDevUser(): Promise<DevSession | null> {
  try {
    const res = await fetch(`${process.env.TARO_APP_API_BASE ?? ''}/api/dev/session`, { credentials: 'include' })
    const body = (await res.json()) as { ok: boolean; data?: DevSession }
    return body.ok && body.data ? { name: body.data.name, role: body.data.role } : null
  } catch {
    return null
  }
}

export function openDevSwitcher(): void {
  if (devSwitcherUrl) window.location.href = devSwitcherUrl
}

/** https://docs.taro.zone/docs/apis/device/phone/makePhoneCall */
export function dial(phoneNumber: string): void {
  window.location.href = `tel:${phoneNumber}`
}

export async function showToast(title: string, icon: 'success' | 'error' | 'none' = 'none'): Promise<void> {
  await Taro.showToast({ title, icon })
}
