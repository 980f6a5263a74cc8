import { handleReviewCallback, type HttpEvent } from '../_shared/orders/review'
import { createSystemMain } from '../_shared/wx/main'

/** The detection center's callback, through CloudBase HTTP access: https://docs.cloudbase.net/service/access-cloud-function */
export const main = createSystemMain('reviewCallback', (ports, event) => handleReviewCallback(ports, event as HttpEvent))
