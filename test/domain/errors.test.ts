import { AppError, ERRORS, isErrorCode } from '@/domain/errors'

describe('coded errors', () => {
  it('gives every code a Chinese message and a 4xx or 5xx status', () => {
    for (const [code, { status, message }] of Object.entries(ERRORS)) {
      expect(status).toBeGreaterThanOrEqual(400)
      expect(status).toBeLessThan(600)
      expect(message).toMatch(/[\u4e00-\u9fa5]/)
      expect(code).toMatch(/^[A-Z_]+$/)
    }
  })

  it('uses the table message unless a specific one is given', () => {
    expect(new AppError('NOT_FOUND').toBody()).toEqual({ code: 'NOT_FOUND', message: ERRORS.NOT_FOUND.message })
    expect(new AppError('NOT_FOUND', '订单不存在').toBody()).toEqual({ code: 'NOT_FOUND', message: '订单不存在' })
  })

  it('maps codes to HTTP statuses', () => {
    expect(new AppError('UNKNOWN_FUNCTION').status).toBe(404)
    expect(new AppError('PAYLOAD_TOO_LARGE').status).toBe(413)
    expect(new AppError('UNKNOWN_USER').status).toBe(401)
  })

  it('recognises only known codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true)
    expect(isErrorCode('toString')).toBe(false)
    expect(isErrorCode(42)).toBe(false)
  })
})
