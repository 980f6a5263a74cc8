import * as v from 'valibot'
import type { LossView } from '@/domain/card-loss/card-loss.view'
import { IdNumber } from '@/domain/identity/id-number'
import { fieldErrors } from '@/domain/validation'
import { COPY } from './copy'

/** What the case's detail page offers next, as the server's view of the machine and the region's rules say. */
export interface NextSteps {
  upgrade: boolean
  /** A temporary report in a region that takes formal reports only at a counter. */
  formalOffline: boolean
  /** Apply for a new card: `again` after a rejection. */
  reissue?: 'first' | 'again'
  /** A temporary report must become formal before a reissue. */
  needFormal: boolean
  /** Why a reissue is not online here: the region's note, else the general sentence. */
  reissueOffline?: string
  lift: boolean
  /** Why the report can no longer be lifted, when no reissue panel says so already. */
  liftRefusal?: string
}

/** The steps the user may take on a case, or undefined when there is nothing to do or say. */
export function nextSteps(view: LossView): NextSteps | undefined {
  const reissueStage = view.status === 'reported_formal' || view.status === 'rejected'
  const steps: NextSteps = {
    upgrade: view.canUpgrade,
    formalOffline: view.status === 'reported_temporary' && !view.policy.formalOnline,
    reissue: view.canReissue ? (view.status === 'rejected' ? 'again' : 'first') : undefined,
    needFormal: view.status === 'reported_temporary',
    reissueOffline: reissueStage && !view.policy.reissueOnline ? (view.policy.reissueOfflineNote ?? COPY.reissue.offlineTitle) : undefined,
    lift: view.canLift,
    liftRefusal: view.reissue ? undefined : view.liftRefusal,
  }
  const any = steps.upgrade || steps.lift || !!steps.reissue || steps.formalOffline || !!steps.reissueOffline || !!steps.liftRefusal
  return any ? steps : undefined
}

const UpgradeId = v.object({ idNumber: IdNumber })

/** The ID number is asked for only when the one typed on the report page is no longer in memory. */
export function upgradeErrors(values: { idNumber: string }, known: boolean): Partial<Record<'idNumber', string>> {
  return known ? {} : fieldErrors(UpgradeId, values)
}
