import { applicationNoticeFor, applicationRemark, type ApplicationNoticeFacts } from '@/domain/cancellation/cancellation.notices'
import { APPLICATION_STATES } from '@/domain/cancellation/cancellation.machine'

const APP: ApplicationNoticeFacts = { applicationId: 'ca_1', cityName: '深圳市', cardMasked: '**** 0128' }
const at = '2026-12-02T02:21:00.000Z'

describe('the message a cancellation application move owes', () => {
  it('tells an approval where the balance goes, with the amount when the office gave one', () => {
    expect(applicationRemark(APP, { to: 'approved' })).toBe('余额将退至尾号0128的银行卡')
    expect(applicationRemark({ ...APP, refundFen: 1234567 }, { to: 'approved' })).toMatch(/^¥?12,?345\.67.*退至尾号0128银行卡$/)
  })

  it('gives a rejection the office’s reason and asks for the fix', () => {
    expect(applicationRemark(APP, { to: 'rejected', reason: '国籍证明不清晰' })).toBe('国籍证明不清晰，请补充后重新提交')
  })

  it('owes a message only for the office’s result', () => {
    const owes = APPLICATION_STATES.filter((s) => applicationNoticeFor(APP, { to: s, at, reason: 'x' }))
    expect(owes).toEqual(['approved', 'rejected'])
    expect(applicationNoticeFor(APP, { to: 'approved', at })?.data.phrase3.value).toBe('已注销')
  })
})
