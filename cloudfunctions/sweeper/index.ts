import { sweep } from '../_shared/orders/sweeper'
import { createSystemMain } from '../_shared/wx/main'

/** Runs every minute (timer trigger in config.json): auto-cancel, resubmission and notification delivery. */
export const main = createSystemMain('sweeper', (ports) => sweep(ports))
