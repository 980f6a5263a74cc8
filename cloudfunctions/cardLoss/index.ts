import { createMain } from '../_shared/wx/main'
import { cardLossFunction } from './cardLoss.function'

/** CloudBase entry: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/getting-started.html */
export const main = createMain(cardLossFunction)
