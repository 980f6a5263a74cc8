import { customSizeProblem, customSpec, customSpecId, parseCustomSpecId, pixelsFromMm } from '@/domain/photo/custom-size'
import { photoSpecById } from '@/domain/photo/catalogue'

const SIZE = { width: 400, height: 500, dpi: 300, kbMin: 20, kbMax: 80, background: '浅灰色' }

describe('custom sizes (自定义尺寸)', () => {
  it('keeps the whole spec in its id, so pages and the photo function rebuild the same spec', () => {
    expect(customSpecId(SIZE)).toBe('custom-400x500-300dpi-20-80kb-浅灰色')
    expect(parseCustomSpecId(customSpecId(SIZE))).toEqual(SIZE)
    expect(photoSpecById(customSpecId(SIZE))).toMatchObject({ pixels: { width: 400, height: 500 }, dpi: 300, fileKb: { min: 20, max: 80 }, background: { name: '浅灰色', rgb: [225, 225, 225] } })
  })

  it('takes millimetres at a DPI as a print shop counts them: 25×35 mm at 300 DPI is 295×413 px', () => {
    expect([pixelsFromMm(25, 300), pixelsFromMm(35, 300)]).toEqual([295, 413])
  })

  it('scales the head rules from the 居民身份证 rules to the pixels', () => {
    const head = customSpec(SIZE).head
    expect(head.faceWidth).toEqual({ min: 216, max: 247, unit: 'px' })
    expect(head.eyeLineFromBottom!.min).toBe(235)
  })

  it('refuses what cannot be made, in words', () => {
    expect(customSizeProblem({ ...SIZE, width: 50 })).toBe('宽和高需在 100–2000 像素之间')
    expect(customSizeProblem({ ...SIZE, dpi: 5000 })).toBe('分辨率需在 72–1200 DPI 之间')
    expect(customSizeProblem({ ...SIZE, kbMin: 90 })).toBe('文件大小需在 5–2000 KB 之间，且下限小于上限')
    expect(customSizeProblem({ ...SIZE, background: '紫色' })).toBe('请选择背景颜色')
    expect(customSizeProblem({ ...SIZE, width: 400.5 })).toBe('请填写整数')
    expect(parseCustomSpecId('custom-50x500-300dpi-20-80kb-白色')).toBeUndefined()
    expect(photoSpecById('custom-x')).toBeUndefined()
  })
})
