import { CHECK_IDS, formatRange, judge, verdict } from '@/domain/photo/checks'
import { computeFrame, predictHead, slack, type FaceGeometry } from '@/domain/photo/framing'
import { backgroundDeviation, laplacianVariance, lumaStats, topOfForeground } from '@/domain/photo/measure'
import { PHOTO_SPECS, SPEC_FACTS, resolveSpec, specById } from '@/domain/photo/specs'

describe('photo spec catalogue', () => {
  it('keeps evidence for every fact, units and a KB range on every entry', () => {
    for (const spec of PHOTO_SPECS) {
      expect(Object.keys(spec.evidence).sort()).toEqual([...SPEC_FACTS].sort())
      expect(spec.version).toBeGreaterThanOrEqual(1)
      expect(spec.fileKb.unit).toBe('KB')
      expect(spec.fileKb.min).toBeLessThan(spec.fileKb.max!)
      for (const rule of Object.values(spec.head)) expect(rule?.unit).toBe('px')
    }
    expect(new Set(PHOTO_SPECS.map((s) => s.id)).size).toBe(PHOTO_SPECS.length)
  })

  it('covers 社保卡 (national, Guangdong, Shenzhen and a 9–20 KB city), 身份证, 驾驶证, 电子驾驶证 and 出入境', () => {
    expect(PHOTO_SPECS.map((s) => s.id)).toEqual(
      expect.arrayContaining(['ssc-national', 'ssc-guangdong', 'ssc-shenzhen', 'id-card', 'driving-licence', 'e-driving-licence', 'exit-entry']),
    )
    expect(PHOTO_SPECS.some((s) => s.documentType === 'social-security-card' && s.fileKb.min === 9 && s.fileKb.max === 20)).toBe(true)
  })

  it('holds the national 社保卡 numbers as republished: 358×441, 26×32 mm, 350 dpi, 14–40 KB', () => {
    expect(specById('ssc-national')).toMatchObject({ pixels: { width: 358, height: 441 }, printMm: { width: 26, height: 32 }, dpi: 350, fileKb: { min: 14, max: 40 } })
    expect(specById('driving-licence')).toMatchObject({ pixels: { width: 260, height: 378 }, dpi: 300, fileKb: { min: 14, max: 30 } })
  })

  it('makes 居住证 photos like the ID-card photo, with a Guangdong entry from a Guangdong source', () => {
    expect(specById('residence-permit')).toMatchObject({ pixels: { width: 358, height: 441 }, dpi: 350, fileKb: { min: 14, max: 20 }, background: { name: '白色' } })
    expect(resolveSpec('residence-permit', '440300').id).toBe('residence-permit-guangdong')
    expect(resolveSpec('residence-permit', '110000').id).toBe('residence-permit')
    const gd = specById('residence-permit-guangdong')!
    expect(gd.evidence.pixels).toMatchObject({ quote: expect.stringContaining('广东省地区办理居住证照片要求') })
    expect(gd.evidence.fileKb).toMatchObject({ unverified: true })
  })

  it('resolves a city to its own entry, else its province, else the national default', () => {
    expect(resolveSpec('social-security-card', '440300').id).toBe('ssc-shenzhen')
    expect(resolveSpec('social-security-card', '440100').id).toBe('ssc-guangdong')
    expect(resolveSpec('social-security-card', '110000').id).toBe('ssc-national')
    expect(resolveSpec('driving-licence', '440300').id).toBe('driving-licence')
  })
})

describe('pre-check judgements', () => {
  it('passes inside the range and explains the side it fails on', () => {
    expect(judge('face-width', 200, { min: 179, max: 255, unit: 'px' })).toMatchObject({ passed: true, message: '', limit: '179–255 px', measured: 200 })
    expect(judge('face-width', 150, { min: 179, max: 255, unit: 'px' })).toMatchObject({ passed: false, message: '脸部偏小，请靠近镜头' })
    expect(judge('face-width', 300, { min: 179, max: 255, unit: 'px' })).toMatchObject({ passed: false, message: '脸部偏大，请离镜头远一点' })
    expect(judge('brightness', null, { min: 90, unit: '灰度' })).toMatchObject({ passed: false, measured: null })
  })

  it('formats one-sided and exact limits', () => {
    expect(formatRange({ min: 207, unit: 'px' })).toBe('≥ 207 px')
    expect(formatRange({ max: 40, unit: 'KB' })).toBe('≤ 40 KB')
    expect(formatRange({ min: 350, max: 350, unit: 'dpi' })).toBe('350 dpi')
  })

  it('blocks on a failed blocking check and counts soft ones as warnings', () => {
    const ok = judge('dpi', 350, { min: 350, max: 350, unit: 'dpi' })
    const soft = judge('contrast', 5, { min: 18, max: 75, unit: '灰度' })
    const hard = judge('sharpness', 1, { min: 12, unit: '方差' })
    expect(verdict([ok, soft])).toEqual({ blocked: false, warnings: 1 })
    expect(verdict([ok, soft, hard])).toEqual({ blocked: true, warnings: 1 })
    expect(CHECK_IDS).toContain('file-size')
  })
})

describe('framing', () => {
  const face: FaceGeometry = {
    jawLeft: { x: 400, y: 600 },
    jawRight: { x: 600, y: 600 },
    eyeLeft: { x: 455, y: 560 },
    eyeRight: { x: 545, y: 560 },
    chin: { x: 500, y: 740 },
    hairTop: 380,
    headWidth: 240,
  }

  it('places a face so every 社保卡 head rule holds', () => {
    const spec = specById('ssc-national')!
    const head = predictHead(spec, computeFrame(spec, face), face)
    expect(head.faceWidth).toBeGreaterThanOrEqual(179)
    expect(head.faceWidth).toBeLessThanOrEqual(255)
    expect(head.hairTopMargin).toBeGreaterThanOrEqual(7)
    expect(head.hairTopMargin).toBeLessThanOrEqual(21)
    expect(head.eyeLineFromBottom).toBeGreaterThanOrEqual(207)
    expect(head.eyeMidpointX).toBeGreaterThanOrEqual(162)
    expect(head.eyeMidpointX).toBeLessThanOrEqual(196)
  })

  it('satisfies head width and head height together for 驾驶证', () => {
    const spec = specById('driving-licence')!
    const head = predictHead(spec, computeFrame(spec, face), face)
    expect(slack(head.headWidth, spec.head.headWidth!)).toBeGreaterThan(0)
    expect(slack(head.headHeight, spec.head.headHeight!)).toBeGreaterThan(0)
  })

  it('measures slack: 1 at the centre, 0 at an edge, negative outside', () => {
    expect(slack(217, { min: 179, max: 255, unit: 'px' })).toBe(1)
    expect(slack(179, { min: 179, max: 255, unit: 'px' })).toBe(0)
    expect(slack(170, { min: 179, max: 255, unit: 'px' })).toBeLessThan(0)
  })
})

describe('image statistics', () => {
  const img = (w: number, h: number, f: (x: number, y: number) => number) => {
    const data = new Uint8Array(w * h * 3)
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.fill(f(x, y), (y * w + x) * 3, (y * w + x) * 3 + 3)
    return { data, width: w, height: h }
  }

  it('measures brightness and contrast of a region', () => {
    const flat = lumaStats(img(10, 10, () => 100), { left: 0, top: 0, width: 10, height: 10 })
    expect(flat.mean).toBeCloseTo(100)
    expect(flat.std).toBeCloseTo(0)
    const stripes = lumaStats(img(10, 10, (x) => (x % 2 ? 200 : 0)), { left: 0, top: 0, width: 10, height: 10 })
    expect(stripes.std).toBeCloseTo(100)
  })

  it('finds a sharp edge sharper than a flat field', () => {
    const box = { left: 0, top: 0, width: 20, height: 20 }
    expect(laplacianVariance(img(20, 20, (x) => (x < 10 ? 0 : 255)), box)).toBeGreaterThan(laplacianVariance(img(20, 20, () => 128), box))
  })

  it('measures how far the background strays from white', () => {
    const alpha = new Float32Array(4).fill(0)
    expect(backgroundDeviation(img(2, 2, () => 255), alpha, [255, 255, 255])).toBe(0)
    expect(backgroundDeviation(img(2, 2, () => 245), alpha, [255, 255, 255])).toBe(10)
  })

  it('finds the first row of foreground in a band', () => {
    const alpha = new Float32Array(10 * 10)
    for (let y = 4; y < 10; y++) for (let x = 3; x < 7; x++) alpha[y * 10 + x] = 1
    expect(topOfForeground(alpha, 10, 10, 0, 10, 0.3)).toBe(4)
    expect(topOfForeground(alpha, 10, 10, 0, 10, 0.5)).toBeUndefined()
  })
})
