import Taro from '@tarojs/taro'
import type { DevSession } from './device.types'

/** A <Button openType="contact"> opens the WeChat customer-service session. */
export const supportsContactButton = true

export const devSwitcherUrl: string | null = null

/** In WeChat the user is whoever opened the mini-program; there is no dev session. */
export async function currentDevUser(): Promise<DevSession | null> {
  return null
}

export function openDevSwitcher(): void {}

/** https://developers.weixin.qq.com/miniprogram/dev/api/device/phone/wx.makePhoneCall.html */
export function dial(phoneNumber: string): void {
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}

/** https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showToast.html */
export async function showToast(title: string, icon: 'success' | 'error' | 'none' = 'none'): Promise<void> {
  await Taro.showToast({ title, icon })
}
