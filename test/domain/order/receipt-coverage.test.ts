import { OFFICE_PHOTO_WAYS, RECEIPT_COVERAGE, officePhotoWays, provincesWithReceipt, receiptNotOffered, receiptOffered } from '@/domain/order/receipt-coverage'
import { allProvinces } from '@/domain/region'

describe('where a photo receipt can be ordered', () => {
  it('offers a 居住证 receipt in Guangdong cities only, and says why elsewhere', () => {
    expect(receiptOffered('residence-permit', '440300')).toBe(true)
    expect(receiptOffered('residence-permit', '441900')).toBe(true)
    expect(receiptOffered('residence-permit', '110000')).toBe(false)
    expect(receiptNotOffered('residence-permit', '310000')).toBe('居住证照片回执目前只受理广东省的城市，请选择广东省内办理居住证的城市')
    expect(receiptNotOffered('residence-permit', '440100')).toBeUndefined()
  })

  it('lists only Guangdong in the city picker for a 居住证 receipt, every province for a type no source narrows (电子驾驶证)', () => {
    expect(provincesWithReceipt('residence-permit').map((p) => p.name)).toEqual(['广东省'])
    expect(provincesWithReceipt('e-driving-licence')).toHaveLength(allProvinces().length)
  })

  it('offers a 身份证 receipt in the provinces its source lists (广东、海南、安徽、湖南、贵州、青海), not in 北京, 上海 or 江西 (whose cities the source does not name)', () => {
    expect(provincesWithReceipt('id-card').map((p) => p.name).sort()).toEqual(['安徽省', '广东省', '海南省', '湖南省', '贵州省', '青海省'].sort())
    for (const code of ['440300', '460100', '340100', '430100', '520100', '630100']) expect(receiptOffered('id-card', code)).toBe(true)
    for (const code of ['110000', '310000', '360400']) expect(receiptOffered('id-card', code)).toBe(false)
    expect(receiptNotOffered('id-card', '110000')).toContain('身份证照片回执目前只受理')
    expect(RECEIPT_COVERAGE['id-card']!.evidence.quote).toContain('江西省(部分城市)')
  })

  it('offers a 驾驶证 receipt in Guangdong cities only, as the receipt service that issues them says', () => {
    expect(receiptOffered('driving-licence', '440100')).toBe(true)
    expect(receiptOffered('driving-licence', '110000')).toBe(false)
    expect(provincesWithReceipt('driving-licence').map((p) => p.name)).toEqual(['广东省'])
    expect(receiptOffered('e-driving-licence', '110000')).toBe(true)
  })

  it('offers a 社保卡 receipt in Guangdong cities only (深圳, 广州, 东莞), never in 北京 or 上海, and says what to do instead', () => {
    for (const code of ['440300', '440100', '441900']) expect(receiptOffered('social-security-card', code)).toBe(true)
    for (const code of ['110000', '310000', '320100']) expect(receiptOffered('social-security-card', code)).toBe(false)
    expect(receiptNotOffered('social-security-card', '110000')).toBe('社保卡照片回执目前只受理广东省的城市；其他城市请保存电子照或打印排版照')
    expect(provincesWithReceipt('social-security-card').map((p) => p.name)).toEqual(['广东省'])
    expect(RECEIPT_COVERAGE['social-security-card']!.elsewhere).toContain('现场拍照')
  })

  it('offers a 出入境 receipt in Guangdong cities only', () => {
    expect(receiptOffered('exit-entry', '440100')).toBe(true)
    expect(receiptOffered('exit-entry', '330100')).toBe(false)
    expect(provincesWithReceipt('exit-entry').map((p) => p.name)).toEqual(['广东省'])
  })

  it('marks a region covered only where a source names it and the receipt', () => {
    for (const [type, c] of Object.entries(RECEIPT_COVERAGE)) {
      for (const region of c.where.split('、')) {
        const name = region.replace(/[省市]$/, '')
        expect({ type, name, names: `${c.evidence.title}${c.evidence.quote}`.includes(name) }).toEqual({ type, name, names: true })
      }
      expect({ type, receipt: /回执/.test(c.evidence.quote) }).toEqual({ type, receipt: true })
      expect(c.elsewhere).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('rests the 居住证 coverage on a Guangdong source that says the receipt replaces the photo', () => {
    const { evidence } = RECEIPT_COVERAGE['residence-permit']!
    expect(`${evidence.title}${evidence.quote}`).toContain('广东')
    expect(evidence.quote).toContain('提供照片回执单即可')
  })

  it('says how 北京 takes 社保卡 photos (uploaded on the 北京人社 site), as its source states, before the general sentence; other cities get the general sentence alone', () => {
    const beijing = officePhotoWays('social-security-card', '110000')
    expect(beijing).toHaveLength(2)
    expect(beijing[0]).toContain('社会保障卡照片采集')
    expect(beijing[1]).toBe(RECEIPT_COVERAGE['social-security-card']!.elsewhere)
    expect(officePhotoWays('social-security-card', '310000')).toEqual([RECEIPT_COVERAGE['social-security-card']!.elsewhere])
    expect(officePhotoWays('e-driving-licence', '110000')).toEqual([])
    for (const w of OFFICE_PHOTO_WAYS) {
      expect(`${w.evidence.title}${w.evidence.quote}`).toContain(w.cityName.replace(/市$/, ''))
      expect(receiptOffered(w.documentType, w.cityCode)).toBe(false)
    }
  })
})
