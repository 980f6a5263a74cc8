import { CHECK_COPY } from '@/domain/photo/checks'
import type { Point } from '@/domain/photo/framing'
import { POSE_LIMITS, eyeAspectRatio, poseChecks, poseOf, rollFrom, yawFrom } from '@/domain/photo/pose'

/**
 * A synthetic 68-point face (iBUG order) 160 px wide: the jaw a half ellipse from (20, 100) to (180, 100), the eyes
 * 30 px wide centred at (65, 100) and (135, 100) and `eyeHeight` tall, the nose on x = 100 + `noseShift`.
 */
function face({ eyeHeight = 9, noseShift = 0 } = {}): Point[] {
  const pts: Point[] = Array.from({ length: 68 }, () => ({ x: 100, y: 160 }))
  for (let i = 0; i <= 16; i++) pts[i] = { x: 100 - 80 * Math.cos((Math.PI * i) / 16), y: 100 + 90 * Math.sin((Math.PI * i) / 16) }
  for (let i = 17; i <= 26; i++) pts[i] = { x: 50 + (i - 17) * 11, y: 75 }
  for (let i = 27; i <= 30; i++) pts[i] = { x: 100 + noseShift, y: 95 + (i - 27) * 12 }
  for (let i = 31; i <= 35; i++) pts[i] = { x: 88 + (i - 31) * 6 + noseShift, y: 140 }
  const eye = (cx: number): Point[] => [
    { x: cx - 15, y: 100 },
    { x: cx - 5, y: 100 - eyeHeight / 2 },
    { x: cx + 5, y: 100 - eyeHeight / 2 },
    { x: cx + 15, y: 100 },
    { x: cx + 5, y: 100 + eyeHeight / 2 },
    { x: cx - 5, y: 100 + eyeHeight / 2 },
  ]
  pts.splice(36, 6, ...eye(65))
  pts.splice(42, 6, ...eye(135))
  return pts
}

/** The points turned by `degrees` about (100, 120), clockwise on screen (y grows downwards), as a head leaning to its left. */
const rotate = (pts: Point[], degrees: number): Point[] => {
  const t = (degrees * Math.PI) / 180
  return pts.map((p) => ({ x: 100 + (p.x - 100) * Math.cos(t) - (p.y - 120) * Math.sin(t), y: 120 + (p.x - 100) * Math.sin(t) + (p.y - 120) * Math.cos(t) }))
}

const check = (pts: Point[], id: 'head-tilt' | 'head-turn') => poseChecks(poseOf(pts)).find((c) => c.id === id)!

describe('head pose from the 68 landmarks', () => {
  it('measures a frontal face as level, facing the camera, eyes open (EAR 9/30)', () => {
    const pose = poseOf(face())
    expect(pose.roll).toBeCloseTo(0, 6)
    expect(pose.yaw).toBeCloseTo(0, 6)
    expect(pose.ear).toBeCloseTo(0.3, 6)
    expect(poseChecks(pose).every((c) => c.passed)).toBe(true)
  })

  it.each([7, -7, 30, -45])('reads a head turned %i° in the plane as that roll, and the yaw stays 0', (degrees) => {
    const pts = rotate(face(), degrees)
    expect(rollFrom(pts)).toBeCloseTo(degrees, 6)
    expect(yawFrom(pts)).toBeCloseTo(0, 6)
  })

  it('reads the nose shifted half a half-width towards a jaw end as yaw ±0.5, whatever the roll', () => {
    expect(yawFrom(face({ noseShift: 40 }))).toBeCloseTo(0.5, 6)
    expect(yawFrom(face({ noseShift: -40 }))).toBeCloseTo(-0.5, 6)
    expect(yawFrom(rotate(face({ noseShift: 40 }), 25))).toBeCloseTo(0.5, 6)
  })

  it('gives the eye aspect ratio (|p2−p6| + |p3−p5|) / 2|p1−p4|: 0 for a shut eye and for a degenerate one', () => {
    expect(eyeAspectRatio(face({ eyeHeight: 0 }).slice(36, 42))).toBe(0)
    expect(eyeAspectRatio(face({ eyeHeight: 6 }).slice(36, 42))).toBeCloseTo(0.2, 6)
    expect(eyeAspectRatio(Array.from({ length: 6 }, () => ({ x: 3, y: 3 })))).toBe(0)
  })
})

describe('the pose checks', () => {
  it('passes a tilt the pipeline levels, up to the limit either way', () => {
    for (const degrees of [7, -7, POSE_LIMITS.rollMax - 0.1, -(POSE_LIMITS.rollMax - 0.1)]) expect(check(rotate(face(), degrees), 'head-tilt').passed).toBe(true)
  })

  it('blocks a head leaning past the limit, with the tilt hint, either way', () => {
    for (const degrees of [POSE_LIMITS.rollMax + 1, -30, 45]) {
      expect(check(rotate(face(), degrees), 'head-tilt')).toMatchObject({ passed: false, severity: 'block', measured: Math.abs(degrees), unit: '度', limit: `≤ ${POSE_LIMITS.rollMax} 度`, message: CHECK_COPY['head-tilt'].high })
    }
  })

  it('blocks a head turned past the limit, to either side, with the turn hint, and passes one short of it', () => {
    const limitPx = POSE_LIMITS.yawMax * 80
    for (const shift of [limitPx + 4, -(limitPx + 4)]) {
      expect(check(face({ noseShift: shift }), 'head-turn')).toMatchObject({ passed: false, severity: 'block', measured: 45, message: CHECK_COPY['head-turn'].high })
    }
    expect(check(face({ noseShift: limitPx - 4 }), 'head-turn')).toMatchObject({ passed: true, measured: 35, message: '' })
  })

  it('says how to fix each in plain Chinese', () => {
    expect(CHECK_COPY['head-tilt']).toMatchObject({ label: '头部端正', severity: 'block', high: expect.stringContaining('两眼保持水平') })
    expect(CHECK_COPY['head-turn']).toMatchObject({ label: '正对镜头', severity: 'block', high: expect.stringContaining('正对镜头') })
  })
})
