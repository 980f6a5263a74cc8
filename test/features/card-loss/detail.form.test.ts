import type { LossView } from '@/domain/card-loss/card-loss.view'
import { nextSteps, upgradeErrors } from '@/features/card-loss/detail.form'

/** A case as the server shows it, with only the fields the next steps read. */
const view = (over: Omit<Partial<LossView>, 'policy'> & { policy?: Partial<LossView['policy']> }): LossView =>
  ({
    status: 'reported_temporary',
    canUpgrade: false,
    canLift: false,
    canReissue: false,
    ...over,
    policy: { formalOnline: true, reissueOnline: true, ...over.policy },
  }) as unknown as LossView

describe('what the card-loss detail page offers next', () => {
  it('offers the upgrade and lifting on a temporary report, and says a reissue needs a formal one', () => {
    expect(nextSteps(view({ canUpgrade: true, canLift: true }))).toMatchObject({ upgrade: true, lift: true, needFormal: true, formalOffline: false, reissue: undefined })
  })

  it('says where a formal report or a reissue is only taken at a counter, with the region’s own note', () => {
    expect(nextSteps(view({ canLift: true, policy: { formalOnline: false } }))).toMatchObject({ formalOffline: true })
    expect(nextSteps(view({ status: 'reported_formal', policy: { reissueOnline: false, reissueOfflineNote: '请到服务网点补卡' } }))).toMatchObject({ reissueOffline: '请到服务网点补卡' })
  })

  it('offers the reissue again after a rejection', () => {
    expect(nextSteps(view({ status: 'rejected', canReissue: true }))?.reissue).toBe('again')
    expect(nextSteps(view({ status: 'reported_formal', canReissue: true }))?.reissue).toBe('first')
  })

  it('says why a report can no longer be lifted only when no reissue panel says it', () => {
    expect(nextSteps(view({ status: 'card_issued', liftRefusal: '已申请补卡，不能解除挂失' }))?.liftRefusal).toBe('已申请补卡，不能解除挂失')
    expect(nextSteps(view({ status: 'card_issued', liftRefusal: '已申请补卡，不能解除挂失', reissue: {} as LossView['reissue'] }))).toBeUndefined()
  })

  it('offers nothing on a case that is over', () => {
    expect(nextSteps(view({ status: 'lifted' }))).toBeUndefined()
  })

  it('asks for the ID number before an upgrade only when the one typed on the report page is gone', () => {
    expect(upgradeErrors({ idNumber: '' }, true)).toEqual({})
    expect(Object.keys(upgradeErrors({ idNumber: '' }, false))).toEqual(['idNumber'])
    expect(upgradeErrors({ idNumber: '11010519491231002X' }, false)).toEqual({})
  })
})
