import { CANCEL_REASONS, orderNoticeFor, orderTitle, receiptExpiryNotice, type OrderNoticeFacts } from '@/domain/order/order.notices'
import type { OrderState } from '@/domain/order/order.machine'
import type { Actor } from '@/domain/case/machine'

const ORDER: OrderNoticeFacts = { orderId: 'od_1', documentType: 'social-security-card', cityName: '深圳市' }
const AT = '2026-11-24T04:00:00.000Z'
const entry = (to: OrderState, actor: Actor) => ({ to, actor, at: AT })
const field = (notice: ReturnType<typeof orderNoticeFor>, key: string) => (notice?.data as Record<string, { value: string }> | undefined)?.[key]?.value

describe('the message an order move owes', () => {
  it('tells a user who cancelled their own order that they did', () => {
    const notice = orderNoticeFor(ORDER, entry('cancelled', 'user'))
    expect(notice?.template).toBe('order_cancelled')
    expect(field(notice, 'thing5')).toBe(CANCEL_REASONS.user)
    expect(field(notice, 'thing5')).not.toContain('30 分钟')
  })

  it('tells a user whose unpaid order timed out that it did', () => {
    const notice = orderNoticeFor(ORDER, entry('cancelled', 'system'))
    expect(field(notice, 'thing5')).toBe('超过 30 分钟未支付，订单已自动取消')
    expect(field(notice, 'phrase3')).toBe('已取消')
  })

  it('gives an approval its whole receipt number, never cut to fit the 20-character field', () => {
    const notice = orderNoticeFor({ ...ORDER, receiptNumber: 'HZ44030020261124' }, entry('approved', 'reviewer'))
    expect(notice?.template).toBe('review_result')
    expect(field(notice, 'thing5')).toBe('回执号 HZ44030020261124')
    expect(field(orderNoticeFor({ ...ORDER, receiptNumber: 'R123' }, entry('approved', 'reviewer')), 'thing5')).toBe('回执号 R123，请在有效期内使用')
    expect(field(orderNoticeFor({ ...ORDER, receiptNumber: '4403002026112400012345' }, entry('approved', 'reviewer')), 'thing5')).toBe('回执已出具，请在订单中查看回执号')
  })

  it('gives a rejection its reason and offers the free resubmission', () => {
    const notice = orderNoticeFor({ ...ORDER, rejection: { code: 'BACKGROUND_SHADOW', text: '左侧阴影' } }, entry('rejected', 'reviewer'))
    expect(field(notice, 'thing5')).toMatch(/左侧阴影.*可免费重新提交/)
  })

  it.each([
    ['paid', 'system'],
    ['reviewing', 'system'],
    ['reviewing', 'user'],
    ['refunded', 'operator'],
  ] as const)('owes nothing for a move to %s by the %s', (to, actor) => {
    expect(orderNoticeFor(ORDER, entry(to, actor))).toBeUndefined()
  })

  it('keeps every field within WeChat’s template limits (thing ≤ 20 characters)', () => {
    for (const [to, actor] of [['cancelled', 'user'], ['cancelled', 'system'], ['approved', 'reviewer']] as const) {
      const notice = orderNoticeFor({ ...ORDER, receiptNumber: 'HZ44030020261124' }, entry(to, actor))
      for (const key of ['thing2', 'thing5']) expect([...(field(notice, key) ?? '')].length).toBeLessThanOrEqual(20)
    }
  })

  it('names the document and city the order is for', () => {
    expect(orderTitle(ORDER)).toBe('社保卡回执 · 深圳市')
  })
})

describe('the reminder before a receipt expires', () => {
  const approved = { documentType: 'id-card', cityName: '深圳市', cityCode: '440300', status: 'approved', receipt: { receiptNumber: 'HZ44030020261124', expiresAt: '2027-05-23T04:00:00.000Z' } } as const

  it('is owed by an approved receipt whose validity period has a source, with its number and expiry', () => {
    const notice = receiptExpiryNotice(approved)
    expect(notice?.template).toBe('receipt_expiring')
    expect(field(notice, 'character_string1')).toBe('HZ44030020261124')
    expect(field(notice, 'thing2')).toBe('居民身份证回执 · 深圳市')
    expect(field(notice, 'thing4')).toBe('回执即将到期，请尽快办理，过期需重新办理')
  })

  it('is not owed where the validity period is only a reference, nor by a receipt not approved', () => {
    expect(receiptExpiryNotice({ ...approved, documentType: 'social-security-card' })).toBeUndefined()
    expect(receiptExpiryNotice({ ...approved, status: 'cancelled' })).toBeUndefined()
    expect(receiptExpiryNotice({ ...approved, receipt: undefined })).toBeUndefined()
  })
})
