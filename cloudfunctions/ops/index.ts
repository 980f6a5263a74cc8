import { createMain } from '../_shared/wx/main'
import { opsFunction } from './ops.function'

/**
 * Who can call this? Operators only: OPENIDs in HUIZHI_OPERATORS or active in the `operators` collection.
 * Every action is role `operator`; anyone else gets FORBIDDEN and the attempt is logged.
 */
export const main = createMain(opsFunction)
