import Taro from '@tarojs/taro'

/** The 消息 tab's position in app.config.ts's tabBar list. */
const MESSAGES_TAB = 2

/**
 * The unread count on the 消息 tab (a red number; none at 0). Only from a tabBar page: WeChat refuses it elsewhere, and
 * a refusal only means no badge this time.
 * https://developers.weixin.qq.com/miniprogram/dev/api/ui/tab-bar/wx.setTabBarBadge.html ·
 * https://developers.weixin.qq.com/miniprogram/dev/api/ui/tab-bar/wx.removeTabBarBadge.html
 */
export function showUnreadBadge(count: number): void {
  const done = count > 0 ? Taro.setTabBarBadge({ index: MESSAGES_TAB, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge({ index: MESSAGES_TAB })
  void Promise.resolve(done).catch(() => undefined)
}
