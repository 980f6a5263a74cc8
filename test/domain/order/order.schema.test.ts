import { AppError } from '@/domain/errors'
import {
  ApplicantName,
  CreateOrderInput,
  GetOrderInput,
  ListOrdersInput,
  ORDER_DOCUMENT_TYPES,
  ResubmitOrderInput,
  statesForTab,
} from '@/domain/order/order.schema'
import { DOCUMENT_TYPES } from '@/domain/photo/specs'
import { fieldErrors, parseInput } from '@/domain/validation'

const PHOTO_ID = 'ph_0123456789abcdef01234567'
const ORDER_ID = 'od_0123456789abcdef01234567'

const validCreate = () => ({
  documentType: 'social-security-card',
  cityCode: '440300',
  photoId: PHOTO_ID,
  applicant: { name: '王小明', idNumber: '11010519491231002x', phone: '138 1234 5678' },
})

describe('order.create input', () => {
  it('accepts a complete order and normalises the identity number and phone', () => {
    expect(parseInput(CreateOrderInput, validCreate())).toEqual({
      documentType: 'social-security-card',
      cityCode: '440300',
      photoId: PHOTO_ID,
      applicant: { name: '王小明', idNumber: '11010519491231002X', phone: '13812345678' },
    })
  })

  it('offers every document type of the photo catalogue', () => {
    expect([...ORDER_DOCUMENT_TYPES].sort()).toEqual(DOCUMENT_TYPES.map((d) => d.type).sort())
    expect(fieldErrors(CreateOrderInput, { ...validCreate(), documentType: 'visa' })).toEqual({ documentType: '请选择证件类型' })
  })

  it('sells a 居住证 receipt only for a Guangdong city, the error on the city field', () => {
    expect(fieldErrors(CreateOrderInput, { ...validCreate(), documentType: 'residence-permit', cityCode: '440300' })).toEqual({})
    expect(fieldErrors(CreateOrderInput, { ...validCreate(), documentType: 'residence-permit', cityCode: '110000' })).toEqual({
      cityCode: '居住证照片回执目前只受理广东省的城市，请选择广东省内办理居住证的城市',
    })
    expect(fieldErrors(CreateOrderInput, { ...validCreate(), documentType: 'e-driving-licence', cityCode: '110000' })).toEqual({})
    expect(fieldErrors(CreateOrderInput, { ...validCreate(), documentType: 'id-card', cityCode: '110000' })).toEqual({
      cityCode: '身份证照片回执目前只受理广东、海南、安徽、湖南、贵州、青海的城市；其他城市请保存电子照或打印排版照',
    })
    expect(fieldErrors(CreateOrderInput, { ...validCreate(), cityCode: '110000' })).toEqual({ cityCode: '社保卡照片回执目前只受理广东省的城市；其他城市请保存电子照或打印排版照' })
  })

  it('refuses 广东省 (440000) where a city is required', () => {
    expect(fieldErrors(CreateOrderInput, { ...validCreate(), cityCode: '440000' })).toEqual({ cityCode: '请选择具体城市（例如深圳市），不能只选省份' })
  })

  it('accepts a municipality and refuses an unknown code', () => {
    // 电子驾驶证 has no row in the coverage table yet, so 上海 takes it; a 社保卡 receipt is a Guangdong service (receipt-coverage.ts).
    expect(parseInput(CreateOrderInput, { ...validCreate(), documentType: 'e-driving-licence', cityCode: '310000' }).cityCode).toBe('310000')
    expect(fieldErrors(CreateOrderInput, { ...validCreate(), cityCode: '999999' })).toEqual({ cityCode: '城市代码不正确' })
  })

  it('requires a photo id of ph_ and 24 lower-case hex digits', () => {
    for (const photoId of ['ph_0123', 'PH_0123456789abcdef01234567', 'ph_0123456789ABCDEF01234567', 'cloud://env/photo.jpg']) {
      expect(fieldErrors(CreateOrderInput, { ...validCreate(), photoId })).toEqual({ photoId: '照片标识不正确，请重新上传照片' })
    }
  })

  it('reports the applicant’s bad identity number and phone by field', () => {
    const input = { ...validCreate(), applicant: { name: '王小明', idNumber: '110105194912310021', phone: '1234' } }
    expect(fieldErrors(CreateOrderInput, input)).toEqual({
      'applicant.idNumber': '身份证号码校验位不正确，请逐位核对',
      'applicant.phone': '请填写 11 位中国大陆手机号码',
    })
  })

  it('throws VALIDATION_FAILED with field details', () => {
    let caught: unknown
    try {
      parseInput(CreateOrderInput, { ...validCreate(), cityCode: '440000' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).details).toEqual([{ path: 'cityCode', message: '请选择具体城市（例如深圳市），不能只选省份' }])
  })

  it('drops fields the client may not set, such as a price', () => {
    const parsed = parseInput(CreateOrderInput, { ...validCreate(), amountFen: 1 })
    expect(parsed).not.toHaveProperty('amountFen')
  })
})

describe('applicant name', () => {
  it('accepts 2–20 Chinese characters', () => {
    expect(parseInput(ApplicantName, ' 李四 ')).toBe('李四')
    expect(parseInput(ApplicantName, '欧阳'.repeat(10))).toBe('欧阳'.repeat(10))
  })

  it('accepts a minority name with a middle dot, and normalises other dots to ·', () => {
    expect(parseInput(ApplicantName, '阿卜杜·热合曼')).toBe('阿卜杜·热合曼')
    expect(parseInput(ApplicantName, '阿卜杜•热合曼')).toBe('阿卜杜·热合曼')
    expect(parseInput(ApplicantName, '阿卜杜・热合曼')).toBe('阿卜杜·热合曼')
  })

  it('accepts rare characters outside the basic block', () => {
    expect(parseInput(ApplicantName, '王𠮷')).toBe('王𠮷')
  })

  it('refuses one character, more than 20, Latin letters, digits and a misplaced dot', () => {
    expect(fieldErrors(ApplicantName, '李')).toEqual({ '': '姓名至少 2 个字' })
    expect(fieldErrors(ApplicantName, '李'.repeat(21))).toEqual({ '': '姓名最多 20 个字' })
    expect(fieldErrors(ApplicantName, 'Li Si')).toEqual({ '': '姓名只能填写汉字，少数民族姓名可用“·”分隔' })
    expect(fieldErrors(ApplicantName, '李4')).toEqual({ '': '姓名只能填写汉字，少数民族姓名可用“·”分隔' })
    expect(fieldErrors(ApplicantName, '·热合曼')).toEqual({ '': '姓名只能填写汉字，少数民族姓名可用“·”分隔' })
    expect(fieldErrors(ApplicantName, '阿卜杜··热合曼')).toEqual({ '': '姓名只能填写汉字，少数民族姓名可用“·”分隔' })
    expect(fieldErrors(ApplicantName, '')).toEqual({ '': '请填写姓名' })
  })
})

describe('order.get, order.list and order.resubmit input', () => {
  it('requires an order id of od_ and 24 hex digits', () => {
    expect(parseInput(GetOrderInput, { orderId: ORDER_ID })).toEqual({ orderId: ORDER_ID })
    expect(fieldErrors(GetOrderInput, { orderId: 'od_123' })).toEqual({ orderId: '订单号不正确' })
    expect(fieldErrors(GetOrderInput, { orderId: PHOTO_ID })).toEqual({ orderId: '订单号不正确' })
  })

  it('lists all orders when no tab is given', () => {
    expect(parseInput(ListOrdersInput, undefined)).toEqual({ tab: 'all' })
    expect(parseInput(ListOrdersInput, {})).toEqual({ tab: 'all' })
    expect(parseInput(ListOrdersInput, { tab: 'rejected' })).toEqual({ tab: 'rejected' })
    expect(fieldErrors(ListOrdersInput, { tab: 'cancelled' })).toEqual({ tab: '订单分类不正确' })
  })

  it('maps each tab to its states; paid orders waiting for submission show as 审核中', () => {
    expect(statesForTab('unpaid')).toEqual(['created'])
    expect(statesForTab('reviewing')).toEqual(['paid', 'reviewing'])
    expect(statesForTab('all')).toEqual(['created', 'paid', 'reviewing', 'approved', 'rejected', 'cancelled', 'refunded'])
  })

  it('resubmits an order with a new photo', () => {
    expect(parseInput(ResubmitOrderInput, { orderId: ORDER_ID, photoId: PHOTO_ID })).toEqual({ orderId: ORDER_ID, photoId: PHOTO_ID })
    expect(fieldErrors(ResubmitOrderInput, { orderId: ORDER_ID })).toEqual({ photoId: '缺少必填项：photoId' })
  })
})
