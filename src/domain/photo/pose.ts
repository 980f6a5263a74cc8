import { judge, type CheckResult } from './checks'
import { rollOf, type Point } from './framing'

/**
 * Head pose from the 68 face landmarks (iBUG 300-W order, as face-api's tiny landmark model returns them): how far
 * the head leans (roll), how far it is turned (yaw) and whether the eyes are open. Pure arithmetic on points.
 */
export interface Pose {
  /** In-plane tilt of the eye line, degrees (positive: the right eye is lower); the pipeline levels it. */
  roll: number
  /** Nose offset from the jaw's middle in half jaw widths: 0 facing the camera, ±1 the nose at a jaw end. */
  yaw: number
  /** Eye aspect ratio, the mean of both eyes: about 0.25–0.35 open, near 0 closed. */
  ear: number
}

const centre = (pts: readonly Point[]): Point => ({ x: pts.reduce((s, p) => s + p.x, 0) / pts.length, y: pts.reduce((s, p) => s + p.y, 0) / pts.length })
const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

/** Roll from the centres of the two eyes (landmarks 36–41 and 42–47), as levelEyes rotates by it. */
export const rollFrom = (points: readonly Point[]): number => rollOf(centre(points.slice(36, 42)), centre(points.slice(42, 48)))

/**
 * Yaw estimate: the nose (the mean of the bridge 27–30 and the tip 30–35, so a tilted-up tip does not dominate)
 * projected on the line through the jaw's ends (landmarks 0 and 16), measured from their midpoint in half jaw
 * widths. A face turned to one side shows its nose near the far jaw end; the projection on the jaw line makes the
 * measure blind to roll.
 */
export function yawFrom(points: readonly Point[]): number {
  const a = points[0]
  const b = points[16]
  const half = dist(a, b) / 2
  if (half === 0) return 0
  const ux = (b.x - a.x) / (2 * half)
  const uy = (b.y - a.y) / (2 * half)
  const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
  const nose = centre(points.slice(27, 36))
  return ((nose.x - m.x) * ux + (nose.y - m.y) * uy) / half
}

/**
 * Eye aspect ratio (Soukupová and Čech, 2016) of one eye's six points p1…p6: (|p2−p6| + |p3−p5|) / (2 |p1−p4|).
 * Returns 0 for a degenerate eye.
 */
export function eyeAspectRatio(eye: readonly Point[]): number {
  const w = dist(eye[0], eye[3])
  return w === 0 ? 0 : (dist(eye[1], eye[5]) + dist(eye[2], eye[4])) / (2 * w)
}

/** The pose of one face from its 68 landmarks. */
export function poseOf(points: readonly Point[]): Pose {
  return {
    roll: rollFrom(points),
    yaw: yawFrom(points),
    ear: (eyeAspectRatio(points.slice(36, 42)) + eyeAspectRatio(points.slice(42, 48))) / 2,
  }
}

/** Limits of the pose checks, measured on the fixtures and the eval portraits (bench/eval/pose-table.ts). */
export const POSE_LIMITS = {
  /**
   * The pipeline levels the eyes by rotating the photo; past this roll what it leaves is not an ID photo (the body
   * diagonal, the old background in the corners: s1-p3 at 45°), so the check blocks. Measured: every portrait that
   * looks upright once levelled at most 17.4° (s2-p3), the fixture face-4 12.8° and 19° turned 7° more; the leaning
   * heads 26.5° (s4-p1) to 45°. 22° is the middle of that gap.
   */
  rollMax: 22,
  /**
   * A turned head cannot be straightened by the pipeline, so the check blocks. Measured (nose offset in half jaw
   * widths): the fixtures 0.14–0.30 and the frontal portraits at most 0.35 (s6-p2, three-quarter by a few degrees);
   * the heads turned over a shoulder or to three-quarter 0.48–0.65. The tiny landmark model pulls a turned face's
   * points towards a frontal one, so some turned heads measure low (s3-p3 0.24, s4-p2 0.26) and pass.
   */
  yawMax: 0.4,
} as const

/** The pose checks a photo is judged on: the tilt left to level, and the turn, both blocking past their limits. */
export function poseChecks(pose: Pose): CheckResult[] {
  return [
    judge('head-tilt', Math.abs(pose.roll), { max: POSE_LIMITS.rollMax, unit: '度' }),
    judge('head-turn', Math.round(Math.abs(pose.yaw) * 100), { max: Math.round(POSE_LIMITS.yawMax * 100), unit: '% 鼻梁偏离中线' }),
  ]
}
