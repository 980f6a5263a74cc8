import { lossNoticeFor, temporaryExpiryNotice, temporaryRemindUntil, type LossNoticeFacts } from '@/domain/card-loss/card-loss.notices'
import { LOSS_STATES, type LossState } from '@/domain/card-loss/card-loss.machine'

const CASE: LossNoticeFacts = { caseId: 'lc_1', cityName: '广州市' }
const at = '2026-12-02T02:21:00.000Z'
const remark = (facts: LossNoticeFacts, to: LossState) => (lossNoticeFor(facts, { to, at })?.data as Record<string, { value: string }> | undefined)?.thing5?.value

describe('the message a card-loss move owes', () => {
  it('dates a temporary report’s lapse in Beijing time, not UTC', () => {
    // 2026-12-06 17:30 UTC is 2026-12-07 01:30 in Beijing: the report lapses on the 7th.
    expect(remark({ ...CASE, temporaryExpiresAt: '2026-12-06T17:30:00.000Z' }, 'reported_temporary')).toBe('临时挂失有效至12-07，请及时正式挂失')
  })

  it('says where a new card goes: by mail, or to pick up', () => {
    expect(remark({ ...CASE, delivery: 'mail' }, 'card_issued')).toBe('新卡已制作完成，将邮寄给您')
    expect(remark({ ...CASE, delivery: 'pickup' }, 'card_issued')).toBe('新卡已制作完成，请到网点领取')
  })

  it('gives a rejection its reason and says the user may apply again', () => {
    expect(remark({ ...CASE, rejectionReason: '照片不合格' }, 'rejected')).toBe('照片不合格，可重新申请')
  })

  it('owes a message for every state but the reissue request itself', () => {
    const owes = LOSS_STATES.filter((s) => lossNoticeFor({ ...CASE, temporaryExpiresAt: at }, { to: s, at }))
    expect(LOSS_STATES.filter((s) => !owes.includes(s))).toEqual(['reissue_requested'])
  })

  it('reminds before a temporary report lapses, dated at the lapse', () => {
    const notice = temporaryExpiryNotice({ ...CASE, temporaryExpiresAt: '2026-12-06T17:30:00.000Z' })
    expect(notice.data.time4.value).toBe('2026年12月07日 01:30')
    expect(notice.data.thing5.value).toBe('临时挂失即将到期，未找到卡请正式挂失')
  })

  it('reminds within the last day of a temporary report: the window ends a day ahead', () => {
    expect(temporaryRemindUntil(new Date('2026-12-06T16:00:00.000Z'))).toBe('2026-12-07T16:00:00.000Z')
  })
})
