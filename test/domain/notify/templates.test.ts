import { AppError } from '@/domain/errors'
import { PHRASE_WORDS, TEMPLATES, TEMPLATE_KEYS, renderMessage, truncateThing, type TemplateIds } from '@/domain/notify/templates'

const reviewResult = (over: Partial<Record<'character_string1' | 'thing2' | 'phrase3' | 'time4' | 'thing5', string>> = {}) => ({
  character_string1: 'od_0123456789abcdef01234567',
  thing2: '社保卡回执 · 深圳市',
  phrase3: '审核未通过',
  time4: '2026-11-24T04:39:00.000Z',
  thing5: '背景不是纯白色',
  ...over,
})

function failure(fn: () => unknown): AppError | undefined {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  return undefined
}

describe('subscribe-message templates', () => {
  it('describes review_result, receipt_expiring, order_cancelled and application_result as data', () => {
    expect(TEMPLATE_KEYS).toEqual(['review_result', 'receipt_expiring', 'order_cancelled', 'application_result', 'loss_result'])
    expect(TEMPLATES.review_result.fields).toEqual({
      character_string1: { type: 'character_string', label: '订单编号' },
      thing2: { type: 'thing', label: '办理业务' },
      phrase3: { type: 'phrase', label: '审核结果' },
      time4: { type: 'time', label: '审核时间' },
      thing5: { type: 'thing', label: '备注' },
    })
  })

  it('names every field by its WeChat type, as the console does', () => {
    for (const key of TEMPLATE_KEYS) {
      for (const [field, def] of Object.entries(TEMPLATES[key].fields)) expect(field).toBe(`${def.type}${field.replace(/^\D+/, '')}`)
    }
  })

  it('keeps template IDs out of code: the config map is keyed by template', () => {
    const ids: TemplateIds = { review_result: 'tmpl-a', receipt_expiring: 'tmpl-b', order_cancelled: 'tmpl-c', application_result: 'tmpl-d', loss_result: 'tmpl-e' }
    expect(Object.keys(ids).sort()).toEqual([...TEMPLATE_KEYS].sort())
    expect(JSON.stringify(TEMPLATES)).not.toMatch(/"id"/)
  })

  it('accepts only the fixed status words as phrases', () => {
    expect([...PHRASE_WORDS]).toEqual(['待支付', '已支付', '审核中', '审核通过', '审核未通过', '已取消', '已退款', '草稿', '已提交', '已注销', '临时挂失', '正式挂失', '已解挂', '挂失失效', '补卡审核中', '补卡通过', '补卡未通过', '已制卡'])
  })
})

describe('rendering a message', () => {
  it('returns WeChat’s data shape with the time in Asia/Shanghai', () => {
    expect(renderMessage('review_result', reviewResult())).toEqual({
      character_string1: { value: 'od_0123456789abcdef01234567' },
      thing2: { value: '社保卡回执 · 深圳市' },
      phrase3: { value: '审核未通过' },
      time4: { value: '2026年11月24日 12:39' },
      thing5: { value: '背景不是纯白色' },
    })
  })

  it('cuts a long rejection reason to 20 characters ending with …', () => {
    const reason = '照片背景不是纯白色，且头发遮挡了双耳，请在光线均匀处重新拍摄'
    const { thing5 } = renderMessage('review_result', reviewResult({ thing5: reason }))
    expect(thing5.value).toBe('照片背景不是纯白色，且头发遮挡了双耳，…')
    expect([...thing5.value]).toHaveLength(20)
  })

  it('leaves a thing of exactly 20 characters alone and folds line breaks into one line', () => {
    expect(truncateThing('一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十')
    expect(renderMessage('review_result', reviewResult({ thing5: '背景偏灰\n\n耳朵被遮挡' })).thing5.value).toBe('背景偏灰 耳朵被遮挡')
  })

  it('refuses a phrase that is not one of the status words, even when short enough', () => {
    const error = failure(() => renderMessage('review_result', reviewResult({ phrase3: '已通过' })))
    expect(error?.code).toBe('MESSAGE_FIELD_INVALID')
    expect(error?.details).toEqual([{ path: 'phrase3', message: '不是约定的状态词' }])
  })

  it('refuses a phrase longer than 5 Chinese characters or not in Chinese', () => {
    expect(failure(() => renderMessage('review_result', reviewResult({ phrase3: '审核结果未通过' })))?.details?.[0].message).toBe('需为 5 个以内汉字')
    expect(failure(() => renderMessage('review_result', reviewResult({ phrase3: 'OK' })))?.code).toBe('MESSAGE_FIELD_INVALID')
  })

  it('refuses a character_string over 32 characters or with Chinese in it, since it cannot be cut', () => {
    expect(failure(() => renderMessage('review_result', reviewResult({ character_string1: 'A'.repeat(33) })))?.details?.[0]).toEqual({ path: 'character_string1', message: '最多 32 位' })
    expect(failure(() => renderMessage('review_result', reviewResult({ character_string1: '订单123' })))?.details?.[0].message).toBe('只能包含字母、数字和符号')
    expect(renderMessage('review_result', reviewResult({ character_string1: 'A'.repeat(32) })).character_string1.value).toHaveLength(32)
  })

  it('refuses an empty field and a time it cannot read', () => {
    expect(failure(() => renderMessage('review_result', reviewResult({ thing5: '   ' })))?.details?.[0]).toEqual({ path: 'thing5', message: '不能为空' })
    expect(failure(() => renderMessage('review_result', reviewResult({ time4: 'soon' })))?.details?.[0]).toEqual({ path: 'time4', message: '时间无法识别' })
  })

  it('refuses a missing field', () => {
    const values = reviewResult()
    const { thing5: _dropped, ...partial } = values
    expect(failure(() => renderMessage('review_result', partial as typeof values))?.details?.[0]).toEqual({ path: 'thing5', message: '缺少内容' })
  })

  it('takes a Date, or a time already formatted, for a time field', () => {
    const data = renderMessage('receipt_expiring', {
      character_string1: 'HZ2026112400017',
      thing2: '社保卡回执 · 广州市',
      time3: new Date('2027-02-22T04:00:00.000Z'),
      thing4: '回执将在 7 天后过期，请尽快使用',
    })
    expect(data.time3.value).toBe('2027年02月22日 12:00')
    const again = renderMessage('receipt_expiring', { character_string1: 'HZ1', thing2: '社保卡回执', time3: '2027年02月22日 12:00', thing4: '请尽快使用' })
    expect(again.time3.value).toBe('2027年02月22日 12:00')
  })

  it('renders an order cancellation with the 已取消 status word', () => {
    const data = renderMessage('order_cancelled', {
      character_string1: 'od_0123456789abcdef01234567',
      thing2: '社保卡回执 · 深圳市',
      phrase3: '已取消',
      time4: '2026-11-24T04:30:00.000Z',
      thing5: '超过 30 分钟未支付，订单已自动取消',
    })
    expect(data.phrase3.value).toBe('已取消')
    expect(data.thing5.value).toBe('超过 30 分钟未支付，订单已自动取消')
  })
})
