import { createSystemMain } from '../_shared/wx/main'
import { payCallbackEntry } from './payCallback.function'

/** Who can call this? Only WeChat Pay (SOURCE wx_paycallback), with payment and refund results; see payCallback.function.ts. */
export const main = createSystemMain(payCallbackEntry)
