import { ERRORS } from '@/domain/errors'
import { CLIPIMG_ERRORS, clipImgErrorCode, clipImgVerdict, nextQueryAt, rejectReasonFor, zjzapiVerdict } from '@/domain/provider/receipt-provider'

describe('receipt providers in our words', () => {
  it('reads zjzapi notice statuses: 2 审核中, 3 办理完成, −1 审核失败, −2 取消完成; anything else is unreadable', () => {
    expect(zjzapiVerdict({ status: '2', order_no: '1' })).toEqual({ state: 'pending' })
    expect(zjzapiVerdict({ status: '3', order_no: '2021', image_receipt: 'https://x/r.jpg' })).toEqual({ state: 'approved', receiptNumber: '2021', resultUrl: 'https://x/r.jpg' })
    expect(zjzapiVerdict({ status: '-1', order_no: '1', reason: '背景有阴影' })).toEqual({ state: 'rejected', reasonText: '背景有阴影' })
    expect(zjzapiVerdict({ status: '-2', order_no: '1' })).toEqual({ state: 'cancelled' })
    expect(zjzapiVerdict({ status: '9', order_no: '1' })).toBeUndefined()
  })

  it('reads 可立图 statuses: pending and processing wait, completed needs an image_code, failed carries its reason', () => {
    expect(clipImgVerdict({ application_no: 'A', status: 'processing' })).toEqual({ state: 'pending' })
    expect(clipImgVerdict({ application_no: 'A', status: 'completed', image_code: '123', result_url: 'https://x/r.png' })).toEqual({ state: 'approved', receiptNumber: '123', imageNumber: '123', resultUrl: 'https://x/r.png' })
    expect(clipImgVerdict({ application_no: 'A', status: 'completed' })).toBeUndefined()
    expect(clipImgVerdict({ application_no: 'A', status: 'failed', fail_reason: '照片模糊' })).toEqual({ state: 'rejected', reasonText: '照片模糊' })
  })

  it('maps a provider reason onto our coded reasons and keeps unknown text verbatim', () => {
    expect(rejectReasonFor('背景有阴影，请重拍')).toEqual({ code: 'BACKGROUND_SHADOW', text: '背景有阴影，请重拍' })
    expect(rejectReasonFor('照片不清晰')).toEqual({ code: 'BLURRED', text: '照片不清晰' })
    expect(rejectReasonFor('信息与公安系统不一致')).toEqual({ code: 'OTHER', text: '信息与公安系统不一致' })
    expect(rejectReasonFor('  ')).toEqual({ code: 'OTHER', text: '服务商未说明原因' })
  })

  it('gives every documented 可立图 error code (1001–1012, 2001, 2002) a coded error with a Chinese message', () => {
    expect(Object.keys(CLIPIMG_ERRORS).map(Number)).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 2001, 2002])
    for (const code of Object.values(CLIPIMG_ERRORS)) expect(ERRORS[code].message).toMatch(/[\u4e00-\u9fa5]/)
    expect(clipImgErrorCode(1001)).toBe('PROVIDER_AUTH_FAILED')
    expect(clipImgErrorCode(1008)).toBe('RECEIPT_TYPE_UNAVAILABLE')
    expect(clipImgErrorCode(4242)).toBe('PROVIDER_UNAVAILABLE')
  })

  it('backs off queries for a pending result: 5, 10, 20 minutes … at most 6 hours', () => {
    const now = new Date('2026-12-01T00:00:00.000Z')
    expect(nextQueryAt(now, 0)).toBe('2026-12-01T00:05:00.000Z')
    expect(nextQueryAt(now, 2)).toBe('2026-12-01T00:20:00.000Z')
    expect(nextQueryAt(now, 20)).toBe('2026-12-01T06:00:00.000Z')
  })
})
