import { AppError } from '@/domain/errors'
import { callFunction } from '@/platform/cloud'
import { createFunctionClient } from '@/platform/function-client'

jest.mock('@/platform/cloud', () => ({ callFunction: jest.fn() }))
const cloud = callFunction as jest.MockedFunction<typeof callFunction>

describe('a feature’s function client', () => {
  afterEach(() => cloud.mockReset())

  it('calls its function’s action with the data, retrying only as many times as asked', async () => {
    cloud.mockResolvedValue({ orderId: 'o1' })
    const call = createFunctionClient('order', '照片回执服务暂未开通，请稍后再试')
    await expect(call('get', { orderId: 'o1' }, 2)).resolves.toEqual({ orderId: 'o1' })
    await call('cancel', { orderId: 'o1' })
    expect(cloud.mock.calls).toEqual([
      ['order', 'get', { orderId: 'o1' }, { retries: 2 }],
      ['order', 'cancel', { orderId: 'o1' }, { retries: 0 }],
    ])
  })

  it('says the service is not there yet in the feature’s words when the function is missing', async () => {
    cloud.mockRejectedValue(new AppError('UNKNOWN_FUNCTION'))
    const call = createFunctionClient('cardLoss', '社保卡挂失服务暂未开通，请稍后再试')
    await expect(call('list', {})).rejects.toMatchObject({ code: 'UNKNOWN_FUNCTION', message: '社保卡挂失服务暂未开通，请稍后再试' })
  })

  it('keeps every other error as the server coded it', async () => {
    cloud.mockRejectedValue(new AppError('ORDER_INVALID_TRANSITION'))
    const call = createFunctionClient('order', '照片回执服务暂未开通，请稍后再试')
    await expect(call('cancel', {})).rejects.toMatchObject({ code: 'ORDER_INVALID_TRANSITION', message: new AppError('ORDER_INVALID_TRANSITION').message })
  })
})
