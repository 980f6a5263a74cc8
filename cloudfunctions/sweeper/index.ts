import { createSystemMain } from '../_shared/wx/main'
import { sweeperEntry } from './sweeper.function'

/** Who can call this? Only the timer trigger in config.json (SOURCE wx_trigger), every minute; see sweeper.function.ts. */
export const main = createSystemMain(sweeperEntry)
