import Taro from '@tarojs/taro'

/**
 * weapp build: the privacy authorisation flow
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html).
 * When a privacy interface (camera, chooseMedia, …) runs before the user agreed, WeChat holds the call and
 * fires onNeedPrivacyAuthorization; we show our popup, and the held call goes on or fails with our answer.
 */
/** The id of the popup's agree button; WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

type Resolve = Parameters<Parameters<typeof Taro.onNeedPrivacyAuthorization>[0]>[0]

/** WeChat keeps one listener for the whole app; pages stack theirs and the newest one shows the popup. */
const watchers: Array<() => void> = []
let pending: Resolve | undefined
let listening = false

/** https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html */
export function watchPrivacy(onNeed: () => void): () => void {
  if (!listening) {
    listening = true
    Taro.onNeedPrivacyAuthorization((resolve) => {
      const show = watchers[watchers.length - 1]
      if (!show) {
        resolve({ event: 'disagree' })
        return
      }
      pending?.({ event: 'disagree' })
      pending = resolve
      show()
    })
  }
  watchers.push(onNeed)
  return () => {
    const i = watchers.lastIndexOf(onNeed)
    if (i >= 0) watchers.splice(i, 1)
  }
}

/** Tells WeChat the popup is on screen (required before agree or disagree is reported). */
export function reportPrivacyShown(): void {
  pending?.({ event: 'exposureAuthorization' })
}

/** The user's answer; an agree must come from the button with PRIVACY_AGREE_BUTTON_ID and open-type agreePrivacyAuthorization. */
export function answerPrivacy(agreed: boolean): void {
  const resolve = pending
  pending = undefined
  resolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
}

/**
 * Asks for the authorisation up front (before the camera opens), showing the popup if it is still needed.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.requirePrivacyAuthorize.html
 */
export function requirePrivacy(): Promise<boolean> {
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
  })
}

/** https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.openPrivacyContract.html */
export function openPrivacyContract(): void {
  Taro.openPrivacyContract({})
}
