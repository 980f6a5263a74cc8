import { createSystemMain } from '../_shared/wx/main'
import { reviewCallbackEntry } from './reviewCallback.function'

/** Who can call this? The detection center over CloudBase HTTP access, HMAC-signed; never a WeChat client. See reviewCallback.function.ts. */
export const main = createSystemMain(reviewCallbackEntry)
