import Taro from '@tarojs/taro'

/**
 * Opens a page: tabBar pages need switchTab, the rest navigateTo.
 * https://docs.taro.zone/docs/apis/route/switchTab · https://docs.taro.zone/docs/apis/route/navigateTo
 */
export function openPage(url: string, isTab = false): void {
  if (isTab) void Taro.switchTab({ url })
  else void Taro.navigateTo({ url })
}

export function goHome(): void {
  void Taro.switchTab({ url: '/pages/home/index' })
}

export { useDidShow } from '@tarojs/taro'
