import { sweep } from '../_shared/sweep/sweeper'
import { SOURCES, defineSystemEntry } from '../_shared/system'

/**
 * Who can call this? Only the timer trigger in config.json: `getWXContext().SOURCE === 'wx_trigger'`.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/utils/Cloud.getWXContext.html
 * A client's call (`wx_client`) or any other source is refused with FORBIDDEN and sweeps nothing.
 */
export const sweeperEntry = defineSystemEntry({
  name: 'sweeper',
  callers: 'the timer trigger only (SOURCE wx_trigger)',
  admits: (inv) => inv.source === SOURCES.timer,
  run: (ports) => sweep(ports),
})
