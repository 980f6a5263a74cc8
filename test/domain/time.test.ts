import { formatInstant } from '@/domain/time'

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
