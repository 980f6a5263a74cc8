import { EMPTY_ADDRESS, addressErrors, deliveryOf, isReceiptProblem, reissueBlock, selectedReceipt } from '@/features/card-loss/reissue.form'

const ADDRESS = { name: '张三', phone: '13912345678', detail: '福田区深南大道 1 号' }

describe('the card reissue form', () => {
  it('takes the receipt picked while it is usable, and the only usable one without a tap', () => {
    const two = [{ orderId: 'o1' }, { orderId: 'o2' }]
    expect(selectedReceipt('o2', two)).toBe('o2')
    expect(selectedReceipt(undefined, two)).toBeUndefined()
    expect(selectedReceipt('gone', [{ orderId: 'o1' }])).toBe('o1')
    expect(selectedReceipt('gone', two)).toBeUndefined()
    expect(selectedReceipt(undefined, [])).toBeUndefined()
  })

  it('asks for a receipt, then a delivery method, then a complete address when mailed', () => {
    const ok = addressErrors(ADDRESS, '440300')
    expect(ok).toEqual({})
    expect(reissueBlock({ method: 'pickup', addressErrors: ok })).toBe('receipt')
    expect(reissueBlock({ receipt: 'o1', addressErrors: ok })).toBe('method')
    expect(reissueBlock({ receipt: 'o1', method: 'mail', addressErrors: addressErrors(EMPTY_ADDRESS, undefined) })).toBe('address')
    expect(reissueBlock({ receipt: 'o1', method: 'pickup', addressErrors: addressErrors(EMPTY_ADDRESS, undefined) })).toBeUndefined()
    expect(reissueBlock({ receipt: 'o1', method: 'mail', addressErrors: ok })).toBeUndefined()
  })

  it('names each missing address field, the city included', () => {
    expect(Object.keys(addressErrors(EMPTY_ADDRESS, undefined)).sort()).toEqual(['cityCode', 'detail', 'name', 'phone'])
  })

  it('sends a trimmed address for mail and nothing but the method for pick-up', () => {
    expect(deliveryOf('mail', { ...ADDRESS, name: ' 张三 ' }, '440300')).toEqual({ method: 'mail', address: { ...ADDRESS, cityCode: '440300' } })
    expect(deliveryOf('pickup', ADDRESS, '440300')).toEqual({ method: 'pickup' })
  })

  it('reloads the receipts after a refusal about the receipt only', () => {
    expect(isReceiptProblem('RECEIPT_EXPIRED')).toBe(true)
    expect(isReceiptProblem('LOSS_INVALID_TRANSITION')).toBe(false)
    expect(isReceiptProblem(undefined)).toBe(false)
  })
})
