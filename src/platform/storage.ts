import Taro from '@tarojs/taro'

/**
 * Small device-local values (a preference cached so it applies on launch, before the network answers). Never personal
 * data: that stays on the server. https://docs.taro.zone/docs/apis/storage/getStorageSync
 */
export function readLocal(key: string): string | undefined {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' && value ? value : undefined
  } catch {
    return undefined
  }
}

/** https://docs.taro.zone/docs/apis/storage/setStorageSync */
export function writeLocal(key: string, value: string): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // A full or unavailable storage only loses the launch-time cache; the profile still holds the setting.
  }
}
