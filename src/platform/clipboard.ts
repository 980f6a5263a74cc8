import Taro from '@tarojs/taro'

/**
 * Copies text for the user to paste elsewhere (a receipt number into a government app); false when the system refused.
 * https://developers.weixin.qq.com/miniprogram/dev/api/device/clipboard/wx.setClipboardData.html
 */
export async function copyText(data: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data })
    return true
  } catch {
    return false
  }
}
