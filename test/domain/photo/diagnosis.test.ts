import { FACE_SHARE_MIN, FRAME_SHARPNESS_MIN, faceShareMin, frameSharpnessCheck } from '@/domain/photo/checks'
import { edgeSharpness, type RgbImage } from '@/domain/photo/measure'

/** A 120×120 grey picture with a vertical dark/light edge at x = 60, spread over `spread` px (0: a step). */
function edge(spread: number): RgbImage {
  const w = 120
  const data = new Uint8Array(w * w * 3)
  for (let y = 0; y < w; y++) {
    for (let x = 0; x < w; x++) {
      const t = spread === 0 ? (x < 60 ? 0 : 1) : Math.max(0, Math.min(1, (x - 60) / spread + 0.5))
      data.fill(Math.round(40 + 180 * t), (y * w + x) * 3, (y * w + x) * 3 + 3)
    }
  }
  return { data, width: w, height: w }
}

describe('frame-level diagnoses', () => {
  it('calls a focused edge sharp and the same edge spread over 8 px blurred', () => {
    expect(edgeSharpness(edge(0))).toBeGreaterThan(0.9)
    expect(edgeSharpness(edge(8))!).toBeLessThan(FRAME_SHARPNESS_MIN)
  })

  it('says nothing about blur on a picture with no edge (a bare wall)', () => {
    const wall: RgbImage = { data: new Uint8Array(120 * 120 * 3).fill(200), width: 120, height: 120 }
    expect(edgeSharpness(wall)).toBeUndefined()
  })

  it('judges the frame’s sharpness with the blur hint', () => {
    expect(frameSharpnessCheck(0.7)).toMatchObject({ id: 'sharpness', passed: true, message: '', limit: '≥ 0.45 边缘锐度' })
    expect(frameSharpnessCheck(0.23)).toMatchObject({ passed: false, measured: 0.23, severity: 'block', message: '照片模糊，请保持手机稳定、对焦后重拍' })
  })

  it('asks for a larger share of the frame when the working copy would enlarge the face past its limit', () => {
    expect(faceShareMin(100, 1000)).toBe(FACE_SHARE_MIN)
    expect(faceShareMin(217, 750)).toBeCloseTo(0.181, 3)
  })
})
