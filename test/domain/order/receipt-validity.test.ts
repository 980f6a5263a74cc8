import {
  DEFAULT_VALIDITY_DAYS,
  REMIND_DAYS_BEFORE_EXPIRY,
  daysLeft,
  expiresAt,
  isExpired,
  reminderAt,
  remindUntil,
  shouldRemind,
  validityDays,
  validityEvidence,
  hasSourcedValidity,
} from '@/domain/order/receipt-validity'
import type { Source } from '@/domain/sources/source'

const APPROVED = '2026-11-24T04:00:00.000Z'

describe('receipt validity', () => {
  it('is 60 days by default', () => {
    expect(DEFAULT_VALIDITY_DAYS).toBe(60)
    expect(validityDays('id-card', '110000')).toBe(60)
    expect(validityDays('social-security-card', '310000')).toBe(60)
    expect(expiresAt(APPROVED, 'exit-entry', '110000')).toBe('2027-01-23T04:00:00.000Z')
  })

  it('is 90 days for 社保卡 anywhere in Guangdong', () => {
    expect(validityDays('social-security-card', '440100')).toBe(90)
    expect(expiresAt(APPROVED, 'social-security-card', '440100')).toBe('2027-02-22T04:00:00.000Z')
  })

  it('is 180 days for 社保卡 in Shenzhen, whose rule beats Guangdong’s', () => {
    expect(validityDays('social-security-card', '440300')).toBe(180)
    expect(expiresAt(APPROVED, 'social-security-card', '440300')).toBe('2027-05-23T04:00:00.000Z')
  })

  it('is 180 days for 身份证 receipts in Guangzhou, as its notice says, and so counts down there', () => {
    expect(validityDays('id-card', '440100')).toBe(180)
    expect(hasSourcedValidity('id-card', '440100')).toBe(true)
    expect((validityEvidence('id-card', '440100') as Source).quote).toContain('180天内办证')
    expect(hasSourcedValidity('social-security-card', '440100')).toBe(false)
  })

  it('keeps 60 days for other document types in Shenzhen', () => {
    expect(validityDays('driving-licence', '440300')).toBe(60)
  })

  it('counts days left, rounding up, and 0 once expired', () => {
    const expiry = '2026-12-01T04:00:00.000Z'
    expect(daysLeft(expiry, '2026-11-24T04:00:00.000Z')).toBe(7)
    expect(daysLeft(expiry, '2026-11-30T20:00:00.000Z')).toBe(1)
    expect(daysLeft(expiry, expiry)).toBe(0)
    expect(daysLeft(expiry, new Date('2026-12-05T00:00:00Z'))).toBe(0)
    expect(isExpired(expiry, '2026-12-01T03:59:59.999Z')).toBe(false)
    expect(isExpired(expiry, expiry)).toBe(true)
  })

  it('reminds from 7 days before expiry until expiry', () => {
    const expiry = '2026-12-01T04:00:00.000Z'
    expect(REMIND_DAYS_BEFORE_EXPIRY).toBe(7)
    expect(reminderAt(expiry)).toBe('2026-11-24T04:00:00.000Z')
    expect(shouldRemind(expiry, '2026-11-24T03:59:59.999Z')).toBe(false)
    expect(shouldRemind(expiry, '2026-11-24T04:00:00.000Z')).toBe(true)
    expect(shouldRemind(expiry, '2026-12-01T04:00:00.000Z')).toBe(false)
  })

  it('ends the reminder window at the latest expiry whose reminder is due now', () => {
    const now = '2026-11-24T04:00:00.000Z'
    expect(remindUntil(now)).toBe('2026-12-01T04:00:00.000Z')
    expect(reminderAt(remindUntil(now))).toBe(now)
    expect(shouldRemind('2026-12-01T03:59:59.999Z', now)).toBe(true)
    expect(shouldRemind('2026-12-01T04:00:00.001Z', now)).toBe(false)
  })
})
