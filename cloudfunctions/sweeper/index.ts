import { createSystemMain } from '../_shared/wx/main'
import { sweeperEntry } from './sweeper.function'

/** Runs every minute from the timer trigger in config.json: auto-cancel, resubmission and notification delivery. */
export const main = createSystemMain(sweeperEntry)
