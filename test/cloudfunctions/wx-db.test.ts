import cloud from 'wx-server-sdk'
import { toWxUpdate, toWxWhere } from '../../cloudfunctions/_shared/wx/wx-db'

/**
 * The CloudBase adapter's translation, checked against the real wx-server-sdk command builders
 * (building commands is local; no request leaves the process).
 */
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
const _ = cloud.database().command

interface Cmd {
  operator: string
  operands: unknown[]
}

describe('CloudBase query translation', () => {
  it('keeps equality as plain values and maps each operator to db.command', () => {
    const where = toWxWhere({ status: 'paid', 'applicant.city': '深圳', createdAt: { $lt: '2026-11-24T00:00:00.000Z' }, kind: { $in: ['receipt', 'loss'] } }, _)
    expect(where.status).toBe('paid')
    expect(where['applicant.city']).toBe('深圳')
    expect(where.createdAt as Cmd).toMatchObject({ operator: 'lt', operands: ['2026-11-24T00:00:00.000Z'] })
    expect(where.kind as Cmd).toMatchObject({ operator: 'in', operands: ['receipt', 'loss'] })
  })

  it('combines two operators on one field with and', () => {
    const where = toWxWhere({ amount: { $gte: 100, $lte: 500 } }, _)
    const cmd = where.amount as Cmd
    expect(cmd.operator).toBe('and')
    expect((cmd.operands as Cmd[]).map((o) => [o.operator, o.operands])).toEqual([
      ['gte', [100]],
      ['lte', [500]],
    ])
  })

  it('maps $ne and $nin to neq and nin', () => {
    const where = toWxWhere({ status: { $ne: 'cancelled' }, city: { $nin: ['广东省'] } }, _)
    expect(where.status as Cmd).toMatchObject({ operator: 'neq', operands: ['cancelled'] })
    expect(where.city as Cmd).toMatchObject({ operator: 'nin', operands: ['广东省'] })
  })

  it('translates an update: set as values, push one item, inc by a number', () => {
    const data = toWxUpdate({ set: { status: 'reviewing' }, push: { history: { from: 'paid', to: 'reviewing' } }, inc: { attempts: 1 } }, _)
    expect(data.status).toBe('reviewing')
    expect(data.history as Cmd).toMatchObject({ operator: 'push', operands: [{ from: 'paid', to: 'reviewing' }] })
    expect(data.attempts as Cmd).toMatchObject({ operator: 'inc', operands: [1] })
  })
})
