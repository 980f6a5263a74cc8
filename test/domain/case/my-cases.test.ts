import { mergeCases } from '@/domain/case/my-cases'
import type { ApplicationSummary } from '@/domain/cancellation/cancellation.view'
import type { LossSummary } from '@/domain/card-loss/card-loss.view'
import type { OrderSummary } from '@/domain/order/order.view'

const order = (orderId: string, createdAt: string, status: OrderSummary['status'] = 'approved'): OrderSummary => ({
  orderId,
  status,
  statusLabel: '已通过',
  documentTitle: '社保卡',
  cityLabel: '广东省 · 深圳市',
  amountLabel: '¥19.90',
  createdAt,
  receiptNumber: status === 'approved' ? 'HZ20261202000001' : undefined,
})
const loss = (caseId: string, createdAt: string): LossSummary => ({ caseId, status: 'reported_formal', statusLabel: '已正式挂失', cityName: '东莞市', holderName: '陈小梅', createdAt, updatedAt: createdAt })
const application = (applicationId: string, createdAt: string): ApplicationSummary => ({
  applicationId,
  status: 'rejected',
  statusLabel: '未通过',
  reason: 'nationality',
  reasonTitle: '丧失中国国籍',
  cityName: '深圳市',
  createdAt,
  updatedAt: createdAt,
})

describe('我的办理: every kind of case in one list', () => {
  it('lists receipts, loss reports and cancellations newest first, each with its kind, title and phase', () => {
    const list = mergeCases([order('od_1', '2026-11-01T00:00:00.000Z')], [loss('lc_1', '2026-11-03T00:00:00.000Z')], [application('ca_1', '2026-11-02T00:00:00.000Z')])
    expect(list.map((c) => [c.kind, c.id, c.title, c.phase])).toEqual([
      ['card-loss', 'lc_1', '陈小梅的社保卡 · 东莞市', 'waiting'],
      ['cancellation', 'ca_1', '丧失中国国籍 · 深圳市', 'failed'],
      ['receipt', 'od_1', '社保卡 · 广东省 · 深圳市', 'done'],
    ])
    expect(list[2].receiptNumber).toBe('HZ20261202000001')
  })

  it('keeps the kinds in order when cases were made at the same instant', () => {
    const at = '2026-11-01T00:00:00.000Z'
    expect(mergeCases([order('od_1', at, 'created')], [loss('lc_1', at)], [application('ca_1', at)]).map((c) => c.kind)).toEqual(['receipt', 'card-loss', 'cancellation'])
  })
})
