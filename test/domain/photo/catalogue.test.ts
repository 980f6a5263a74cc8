import { backgroundsOf } from '@/domain/photo/backgrounds'
import { CATALOGUE_SPECS, OFFERED_CATALOGUE, catalogueNotes, catalogueReceiptDocument, photoSpecById, scaledHead } from '@/domain/photo/catalogue'
import { mmToPx } from '@/domain/photo/print-layout'
import { isSourced } from '@/domain/sources/source'

const byTitle = (title: string) => CATALOGUE_SPECS.find((s) => s.title === title)!

describe('the wider catalogue (data, sourced or unverified)', () => {
  it('has the everyday sizes and the exam photos the issue names, each id once', () => {
    expect(CATALOGUE_SPECS.map((s) => s.title)).toEqual(['一寸', '小一寸', '大一寸', '二寸', '小二寸', '国家公务员考试', '教师资格考试', '英语四六级', '计算机等级考试', '学信网学历照片', '研究生考试', '会计资格考试', '护照', '港澳通行证'])
    expect(new Set(CATALOGUE_SPECS.map((s) => s.id)).size).toBe(CATALOGUE_SPECS.length)
  })

  it('makes every everyday size exactly its print size at 300 DPI', () => {
    for (const s of CATALOGUE_SPECS.filter((c) => c.purpose === 'everyday')) {
      expect({ id: s.id, px: [s.pixels.width, s.pixels.height] }).toEqual({ id: s.id, px: [mmToPx(s.printMm.width, s.dpi), mmToPx(s.printMm.height, s.dpi)] })
    }
  })

  it('quotes the exam values it states: 国家公务员考试 413×579 and 30–100 KB, 教师资格 300×400 and 50–190 KB, 四六级 144×192, 30–40 KB', () => {
    expect(byTitle('国家公务员考试')).toMatchObject({ pixels: { width: 413, height: 579 }, fileKb: { min: 30, max: 100 } })
    expect(byTitle('教师资格考试')).toMatchObject({ pixels: { width: 300, height: 400 }, fileKb: { min: 50, max: 190 } })
    expect(byTitle('英语四六级')).toMatchObject({ pixels: { width: 144, height: 192 }, fileKb: { min: 30, max: 40 } })
    for (const t of ['国家公务员考试', '教师资格考试', '英语四六级']) for (const f of ['pixels', 'background', 'fileKb'] as const) expect(isSourced(byTitle(t).evidence[f])).toBe(true)
  })

  it('gives 国家公务员考试 a blue background with white allowed, 四六级 light blue and its file-name rule', () => {
    expect(backgroundsOf(byTitle('国家公务员考试')).map((b) => b.name)).toEqual(['蓝色', '白色'])
    expect(byTitle('英语四六级').background.name).toBe('浅蓝色')
    expect(byTitle('英语四六级').fileNameRule?.text).toContain('身份证号')
  })

  it('quotes 计算机等级 (144×192, 48×33 mm, 20–200 KB, light blue) and 学信网 (480×640, 300 dpi, light blue), and offers every exam photo: the KB minimums are reached by the encoder (decision 016)', () => {
    expect(byTitle('计算机等级考试')).toMatchObject({ pixels: { width: 144, height: 192 }, printMm: { width: 33, height: 48 }, fileKb: { min: 20, max: 200 }, background: { name: '浅蓝色' } })
    expect(byTitle('学信网学历照片')).toMatchObject({ pixels: { width: 480, height: 640 }, dpi: 300, background: { name: '浅蓝色' } })
    expect(OFFERED_CATALOGUE.map((s) => s.title)).toEqual(CATALOGUE_SPECS.map((s) => s.title))
    for (const id of ['exam-teacher', 'exam-cet', 'exam-ncre', 'exam-chsi']) expect(photoSpecById(id)?.id).toBe(id)
  })

  it('makes 研究生考试 a 3:4 photo (480×640) on white or blue, as the 网上确认 rules say, with the 报考点 deciding the colour; quotes 会计资格考试 (295×413, 30–300 KB, white, through the 财政部 tool)', () => {
    const postgrad = byTitle('研究生考试')
    expect(postgrad).toMatchObject({ pixels: { width: 480, height: 640 }, background: { name: '白色' } })
    expect(postgrad.pixels.width / postgrad.pixels.height).toBe(3 / 4)
    expect(backgroundsOf(postgrad).map((b) => b.name)).toEqual(['白色', '蓝色'])
    expect(isSourced(postgrad.evidence.background)).toBe(true)
    expect(isSourced(postgrad.evidence.pixels)).toBe(false)
    expect(catalogueNotes('exam-postgraduate')).toEqual([expect.stringContaining('报考点')])
    expect(byTitle('会计资格考试')).toMatchObject({ pixels: { width: 295, height: 413 }, fileKb: { min: 30, max: 300 }, background: { name: '白色' } })
    for (const f of ['pixels', 'background', 'fileKb'] as const) expect(isSourced(byTitle('会计资格考试').evidence[f])).toBe(true)
    expect(catalogueNotes('exam-accounting')).toEqual([expect.stringContaining('财政部照片处理工具')])
    expect(catalogueNotes('exam-cet')).toEqual([expect.stringContaining('身份证号')])
    expect(catalogueNotes('size-one-inch')).toEqual([])
  })

  it('has 护照 (20–80 KB) and 港澳通行证 (30–80 KB) on their own: 354×472 at 300 DPI, 白色 first, 浅灰色 and 淡蓝色 allowed, each pointing to the 出入境 receipt', () => {
    for (const [title, kb] of [['护照', { min: 20, max: 80 }], ['港澳通行证', { min: 30, max: 80 }]] as const) {
      const s = byTitle(title)
      expect(s).toMatchObject({ purpose: 'travel', pixels: { width: 354, height: 472 }, dpi: 300, printMm: { width: 33, height: 48 }, fileKb: kb })
      expect(backgroundsOf(s).map((b) => b.name)).toEqual(['白色', '浅灰色', '淡蓝色'])
      for (const f of ['pixels', 'printMm', 'background', 'fileKb'] as const) expect(isSourced(s.evidence[f])).toBe(true)
      expect(catalogueReceiptDocument(s.id)).toBe('exit-entry')
    }
    expect(catalogueReceiptDocument('exam-cet')).toBeUndefined()
  })

  it('scales the 居民身份证 head rules to other pixels (358×441 gives them back)', () => {
    expect(scaledHead(358, 441)).toEqual({ faceWidth: { min: 193, max: 221, unit: 'px' }, hairTopMargin: { min: 7, max: 21, unit: 'px' }, eyeLineFromBottom: { min: 207, unit: 'px' } })
    const twoInch = scaledHead(413, 579)
    expect(twoInch.faceWidth!.max!).toBeLessThan(413)
    expect(twoInch.eyeLineFromBottom!.min!).toBeGreaterThan(207)
  })
})
