import { EYE_LINE_IN_HEAD, guideFor } from '@/domain/photo/guide'
import { PHOTO_SPECS, specById } from '@/domain/photo/specs'

describe('the camera guide outline', () => {
  it('draws the 社保卡 head about two thirds of the frame tall, centred on the eye midpoint rule', () => {
    const spec = specById('ssc-shenzhen')!
    const g = guideFor(spec)
    expect(g.aspect).toBeCloseTo(358 / 441)
    expect(g.head.height).toBeGreaterThan(0.6)
    expect(g.head.height).toBeLessThan(0.72)
    expect(g.head.width * 358).toBeCloseTo((179 + 255) / 2)
    expect((g.head.left + g.head.width / 2) * 358).toBeCloseTo((162 + 196) / 2)
    expect(g.head.top * 441).toBeCloseTo((7 + 21) / 2)
  })

  it('uses the head rules when the spec has them (驾驶证: 165–189 px wide, 224–260 px tall)', () => {
    const g = guideFor(specById('driving-licence')!)
    expect(g.head.height * 378).toBeCloseTo(242)
    expect(g.head.width * 260).toBeCloseTo(177)
  })

  it.each(PHOTO_SPECS.map((s) => [s.id, s] as const))('keeps %s inside the frame and inside its own rules', (_id, spec) => {
    const g = guideFor(spec)
    const { width: W, height: H } = spec.pixels
    expect(g.head.left).toBeGreaterThanOrEqual(0)
    expect(g.head.left + g.head.width).toBeLessThanOrEqual(1)
    expect(g.head.top + g.head.height).toBeLessThan(g.shoulders.top)
    expect(g.shoulders.top).toBeLessThanOrEqual(1)
    expect(g.eyeLine).toBeCloseTo(g.head.top + g.head.height * EYE_LINE_IN_HEAD)
    const { eyeLineFromBottom, chinFromBottom, hairTopMargin } = spec.head
    if (eyeLineFromBottom?.min !== undefined) expect(H - g.eyeLine * H).toBeGreaterThanOrEqual(eyeLineFromBottom.min)
    if (chinFromBottom?.min !== undefined) expect(H - (g.head.top + g.head.height) * H).toBeGreaterThanOrEqual(chinFromBottom.min - 1e-9)
    if (hairTopMargin?.min !== undefined && hairTopMargin.max !== undefined) {
      expect(g.head.top * H).toBeGreaterThanOrEqual(hairTopMargin.min)
      expect(g.head.top * H).toBeLessThanOrEqual(hairTopMargin.max)
    }
    expect(g.head.width * W).toBeGreaterThan(0)
  })
})
