import { createLogger, maskFields, maskText } from '../../cloudfunctions/_shared/log'

describe('log masking', () => {
  it('masks ID numbers and phone numbers in free text', () => {
    expect(maskText('身份证 11010519491231002X 手机 13812345678')).toBe('身份证 110105********002X 手机 138****5678')
  })

  it('masks values under sensitive keys at any depth', () => {
    expect(maskFields({ openid: 'oALICE000000000000000000000a', order: { phone: '13812345678', city: '深圳' } })).toEqual({
      openid: 'oAL*********************000a',
      order: { phone: '138****5678', city: '深圳' },
    })
  })

  it('writes one JSON line per entry with personal data masked', () => {
    const lines: string[] = []
    createLogger('user', (l) => lines.push(l)).info('created 13812345678', { idNumber: '11010519491231002X' })
    expect(JSON.parse(lines[0])).toEqual({ level: 'info', scope: 'user', message: 'created 138****5678', idNumber: '110***********002X' })
  })
})
