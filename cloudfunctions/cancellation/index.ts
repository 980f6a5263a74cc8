import { createMain } from '../_shared/wx/main'
import { cancellationFunction } from './cancellation.function'

/** CloudBase entry: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/getting-started.html */
export const main = createMain(cancellationFunction)
