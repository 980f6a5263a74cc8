import { formatInstant, formatMessageTime, instantMs, shanghaiDate } from '@/domain/time'

describe('time display', () => {
  it('shows a UTC instant in Asia/Shanghai (UTC+8)', () => {
    expect(formatInstant('2026-11-24T04:39:00.000Z')).toBe('2026-11-24 12:39')
  })

  it('rolls the date over at midnight in Shanghai, not UTC', () => {
    expect(formatInstant('2026-11-24T16:05:00.000Z')).toBe('2026-11-25 00:05')
  })

  it('returns an empty string for an invalid instant', () => {
    expect(formatInstant('not a date')).toBe('')
  })
})

describe('time for rules and messages', () => {
  it('gives the calendar day in Shanghai, which is already tomorrow after 16:00 UTC', () => {
    expect(shanghaiDate('2026-11-24T15:59:00.000Z')).toBe('2026-11-24')
    expect(shanghaiDate(new Date('2026-11-24T16:00:00.000Z'))).toBe('2026-11-25')
  })

  it('formats a subscribe-message time as YYYY年MM月DD日 HH:mm in Shanghai', () => {
    expect(formatMessageTime('2026-01-04T16:05:00.000Z')).toBe('2026年01月05日 00:05')
  })

  it('refuses to read an unreadable instant', () => {
    expect(instantMs('2026-11-24T00:00:00.000Z')).toBe(Date.UTC(2026, 10, 24))
    expect(() => instantMs('yesterday')).toThrow(RangeError)
  })
})
