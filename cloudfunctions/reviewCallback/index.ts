import { createSystemMain } from '../_shared/wx/main'
import { reviewCallbackEntry } from './reviewCallback.function'

/** The detection center's callback, through CloudBase HTTP access: https://docs.cloudbase.net/service/access-cloud-function */
export const main = createSystemMain(reviewCallbackEntry)
