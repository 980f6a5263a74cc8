import { judge, type CheckResult } from './checks'
import { rollOf, type Point } from './framing'
import { unverifiedBecause, type Evidence, type Source } from '../sources/source'

/**
 * Head pose from the 68 face landmarks (iBUG 300-W order, as face-api's tiny landmark model returns them): how far
 * the head leans (roll), how far it is turned (yaw) and whether the eyes are open. Pure arithmetic on points.
 */
export interface Pose {
  /** In-plane tilt of the eye line, degrees (positive: the right eye is lower); the pipeline levels it. */
  roll: number
  /** Nose offset from the jaw's middle in half jaw widths: 0 facing the camera, ±1 the nose at a jaw end. */
  yaw: number
  /**
   * Eye aspect ratio, the mean of both eyes; reported, not checked. The tiny landmark model draws an eye open even
   * when it is shut: the four closed pairs of the eval set (s1-p2, s2-p2, s2-p3, s4-p3) measure 0.24–0.28, while
   * s1-p3's open, laughing eyes measure 0.23 and the fixtures 0.30–0.35, so no limit separates them.
   */
  ear: number
}

const centre = (pts: readonly Point[]): Point => ({ x: pts.reduce((s, p) => s + p.x, 0) / pts.length, y: pts.reduce((s, p) => s + p.y, 0) / pts.length })
const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

/** Roll from the centres of the two eyes (landmarks 36–41 and 42–47), as levelEyes rotates by it. */
export const rollFrom = (points: readonly Point[]): number => rollOf(centre(points.slice(36, 42)), centre(points.slice(42, 48)))

/**
 * Yaw estimate: the nose (the mean of its nine points, bridge 27–30 and base 31–35, steadier than the tip alone)
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
   * looks upright once levelled at most 17.4° (s2-p3), the fixture face-4 12.8° and 19.0° turned 7° more; the heads
   * judged to lean too far 26.5° (s4-p1) to 45° (s1-p3). 22° is about the middle of that gap.
   */
  rollMax: 22,
  /**
   * A turned head cannot be straightened by the pipeline, so the check blocks. Measured (nose offset in half jaw
   * widths): the fixtures 0.10–0.34 (also turned ±7° in the plane), the portraits judged frontal by eye at most 0.35
   * (s6-p2, a few degrees towards three-quarter); of the 11 judged turned, 7 measure 0.42–0.65 (s2-p3, s4-p3, s4-p1,
   * s1-p2, s5-p5, s1-p1, s5-p2). The tiny landmark model pulls a turned face's points towards a frontal one, so the
   * other 3 measure 0.14–0.26 and pass (s4-p4, s3-p3, s4-p2); s2-p1's profile is not found as a face at all.
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

/**
 * Where the pose rules come from. No government page stating them was found (searched 身份证照片 头部端正 不得侧转,
 * 公安局 居民身份证 相片 头部正直, 出入境证件相片照相指引 正视照相机); this third-party page says it for the
 * 居民身份证 photo, so it is shown as reference.
 */
const NOT_TILTED_NOR_TURNED: Source = {
  url: 'https://www.51dongshi.net/wzztf/rsdrd/rsdrdacba',
  title: '拍身份证的要求（懂视，第三方页面，参考）',
  quote: '身份证的照片应为正面头像,拍摄时头和脸不得歪斜和侧转',
  publishedOrChecked: '2024-07-02',
}

const OUR_LIMIT = (why: string) => unverifiedBecause(`本项目的检测阈值，不是官方要求：${why}`)

/** Each pose check's rule with its source, and its limit, which is ours (docs/sources.md). */
export const POSE_RULES: ReadonlyArray<{ id: 'head-tilt' | 'head-turn'; fact: 'rule' | 'limit'; text: string; numbers: number[]; evidence: Evidence }> = [
  { id: 'head-tilt', fact: 'rule', text: '头和脸不得歪斜', numbers: [], evidence: NOT_TILTED_NOR_TURNED },
  {
    id: 'head-tilt',
    fact: 'limit',
    text: `两眼连线倾斜不超过 ${POSE_LIMITS.rollMax} 度时自动扶正，超过的需重拍`,
    numbers: [POSE_LIMITS.rollMax],
    evidence: OUR_LIMIT('在 4 张样张和 22 张评测照片上量出：看起来扶正即可的都不超过 19 度，歪得过头的 26 度以上'),
  },
  { id: 'head-turn', fact: 'rule', text: '头和脸不得侧转', numbers: [], evidence: NOT_TILTED_NOR_TURNED },
  {
    id: 'head-turn',
    fact: 'limit',
    text: `鼻子偏离脸部中线不超过半个脸宽的 ${Math.round(POSE_LIMITS.yawMax * 100)}%`,
    numbers: [Math.round(POSE_LIMITS.yawMax * 100)],
    evidence: OUR_LIMIT('在 4 张样张和 22 张评测照片上量出：正脸不超过 35%；判为侧转的 11 人里，测到的 7 人在 42% 以上，另 3 人的关键点被模型拉向正脸，只测到 14%–26%，查不出'),
  },
]
