import cloud from 'wx-server-sdk'

/**
 * The one place a function initialises wx-server-sdk.
 * DYNAMIC_CURRENT_ENV makes the function use the environment it is deployed in.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/init/client.init.html
 */
let initialised = false

export function wxCloud(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}
