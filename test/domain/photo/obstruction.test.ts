import { earBox, earsCoveredShare, OBSTRUCTION_LIMITS, type Point } from '@/domain/photo/obstruction'

const W = 100
const H = 80
type Rgb = [number, number, number]
const WHITE: Rgb = [255, 255, 255]
const SKIN: Rgb = [200, 150, 120]
const HAIR: Rgb = [40, 30, 20]

const canvas = (rgb: Rgb = WHITE): Uint8Array => {
  const d = new Uint8Array(W * H * 3)
  for (let p = 0; p < W * H; p++) d.set(rgb, p * 3)
  return d
}
const paint = (d: Uint8Array, x0: number, y0: number, w: number, h: number, rgb: Rgb) => {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) d.set(rgb, (y * W + x) * 3)
}

/** A face 40 px wide: the contour at x = 25 (points 0–3) and x = 75 (13–16), from y = 30 to 45; the ear boxes are 6 × 15 px. */
const FACE_WIDTH = 40
const jaw: Point[] = Array.from({ length: 17 }, (_, i) => {
  if (i <= 3) return { x: 25, y: 30 + 5 * i }
  if (i >= 13) return { x: 75, y: 30 + 5 * (16 - i) }
  return { x: 50, y: 50 + i }
})
const skinBox = { left: 45, top: 20, width: 10, height: 5 }
const hairBox = { left: 45, top: 2, width: 10, height: 5 }

/** The face's own colours where the pipeline samples them: hair under the crown, skin on the bridge of the nose. */
function face(background: Rgb = WHITE, hair: Rgb = HAIR): Uint8Array {
  const d = canvas(background)
  paint(d, hairBox.left, hairBox.top, hairBox.width, hairBox.height, hair)
  paint(d, skinBox.left, skinBox.top, skinBox.width, skinBox.height, SKIN)
  return d
}

const measure = (data: Uint8Array, background: Rgb = WHITE) =>
  earsCoveredShare({ data, width: W, height: H }, { jaw, skin: skinBox, hair: hairBox, background, faceWidth: FACE_WIDTH })

describe('ears covered by hair (issue #18 obstruction hints)', () => {
  it('looks just outside the contour, from its top point to the nose base, earOut face widths outwards', () => {
    expect(OBSTRUCTION_LIMITS.earOut * FACE_WIDTH).toBe(6)
    expect(earBox(jaw.slice(0, 4), -1, FACE_WIDTH)).toEqual({ left: 19, top: 30, width: 6, height: 15 })
    expect(earBox(jaw.slice(13, 17), 1, FACE_WIDTH)).toEqual({ left: 75, top: 30, width: 6, height: 15 })
  })

  it('gives each side the share of its person pixels nearer the hair colour than the skin colour', () => {
    const d = face()
    paint(d, 19, 30, 6, 15, HAIR) // hair hangs over the left ear
    paint(d, 75, 30, 6, 15, SKIN) // the right ear is bare
    expect(measure(d)).toEqual({ left: 1, right: 0 })
    paint(d, 19, 30, 2, 15, [180, 140, 110]) // a strip of the left ear shows (skin in shade: nearer skin than hair)
    paint(d, 79, 30, 2, 15, [70, 50, 35]) // hair behind the right ear (lighter than the sample: still nearer hair)
    const seen = measure(d)!
    expect(seen.left).toBeCloseTo(4 / 6, 5)
    expect(seen.right).toBeCloseTo(2 / 6, 5)
  })

  it('does not count the spec background, even in a box mostly background, and gives up on a side that is nearly all background', () => {
    const blue: Rgb = [67, 142, 219]
    const d = face(blue)
    paint(d, 19, 30, 3, 15, HAIR) // half the left box is hair, the rest the composited background: judged, all hair
    paint(d, 75, 30, 1, 15, SKIN) // a sixth of the right box is person: a turned head's far side
    paint(d, 76, 30, 1, 15, [70, 145, 215]) // the background's soft edge, within earBackground of it
    const seen = measure(d, blue)!
    expect(seen.left).toBe(1)
    expect(seen.right).toBeUndefined()
    paint(d, 77, 30, 2, 15, SKIN) // half of it is person (earPerson 0.5): judged
    expect(3 / 6).toBeGreaterThanOrEqual(OBSTRUCTION_LIMITS.earPerson)
    expect(measure(d, blue)!.right).toBe(0)
  })

  it('is undefined when hair and skin are too alike to tell apart (fair hair on fair skin)', () => {
    const fair: Rgb = [225, 175, 140]
    const d = face(WHITE, fair)
    paint(d, 19, 30, 6, 15, fair)
    expect(Math.hypot(fair[0] - SKIN[0], fair[1] - SKIN[1], fair[2] - SKIN[2])).toBeLessThan(OBSTRUCTION_LIMITS.fringeContrast)
    expect(measure(d)).toBeUndefined()
  })

  it('is undefined without the 17 contour points', () => {
    expect(earsCoveredShare({ data: face(), width: W, height: H }, { jaw: jaw.slice(0, 10), skin: skinBox, hair: hairBox, background: WHITE, faceWidth: FACE_WIDTH })).toBeUndefined()
  })
})
