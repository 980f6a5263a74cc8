import type { Range } from './spec.types'

/** Every pre-check the pipeline reports, in the order the user reads them. */
export const CHECK_IDS = [
  'one-face',
  'face-size',
  'resolution',
  'head-in-frame',
  'head-tilt',
  'head-turn',
  'face-width',
  'head-width',
  'hair-top',
  'eye-line',
  'eye-center',
  'head-height',
  'chin',
  'brightness',
  'contrast',
  'background',
  'sharpness',
  'eyebrows',
  'ears',
  'glare',
  'pixels',
  'dpi',
  'file-size',
] as const

export type CheckId = (typeof CHECK_IDS)[number]

/** `block`: the order cannot go on until the photo is retaken. `warn`: the user may accept it explicitly. */
export type Severity = 'block' | 'warn'

export interface CheckResult {
  id: CheckId
  label: string
  passed: boolean
  /** What was measured, in `unit`; null when nothing could be measured. */
  measured: number | null
  unit: string
  /** The limit as people read it, e.g. "179–255 px". */
  limit: string
  severity: Severity
  /** Empty when passed; otherwise what is wrong and how to fix it. */
  message: string
}

interface CheckCopy {
  label: string
  severity: Severity
  /** Messages for a measurement under the minimum and over the maximum. */
  low: string
  high: string
}

/** The Chinese label and fix hint of every check, in one place for review. */
export const CHECK_COPY: Record<CheckId, CheckCopy> = {
  'one-face': { label: '人脸数量', severity: 'block', low: '没有检测到人脸，请正对镜头、露出完整面部后重拍', high: '照片里有多张人脸，请单人拍摄' },
  'face-size': { label: '人脸大小', severity: 'block', low: '人脸在画面里太小，请靠近镜头，让脸部占画面宽度的三分之一左右', high: '' },
  resolution: { label: '照片清晰度', severity: 'block', low: '脸部像素太少，请靠近镜头或使用更清晰的照片', high: '' },
  'head-in-frame': { label: '头部完整', severity: 'block', low: '头顶没有拍全，请把相机稍微抬高，让头顶上方留出空间', high: '' },
  'head-tilt': { label: '头部端正', severity: 'block', low: '', high: '头部歪斜，请把头摆正、两眼保持水平后重拍' },
  'head-turn': { label: '正对镜头', severity: 'block', low: '', high: '脸没有正对镜头，请把脸转正、直视镜头，让左右脸对称后重拍' },
  'face-width': { label: '脸部宽度', severity: 'block', low: '脸部偏小，请靠近镜头', high: '脸部偏大，请离镜头远一点' },
  'head-width': { label: '头部宽度', severity: 'block', low: '头部偏小，请靠近镜头', high: '头部偏大，请离镜头远一点' },
  'hair-top': { label: '头顶留白', severity: 'block', low: '头顶留白太少，请把相机稍微抬高，或往下坐一点', high: '头顶留白太多，请把相机稍微放低' },
  'eye-line': { label: '眼睛高度', severity: 'block', low: '眼睛位置偏低，请调整相机高度与眼睛平齐', high: '' },
  'eye-center': { label: '左右居中', severity: 'block', low: '人像偏左，请站到画面正中', high: '人像偏右，请站到画面正中' },
  'head-height': { label: '头部高度', severity: 'block', low: '头部偏小，请靠近镜头', high: '头部偏大，请离镜头远一点' },
  chin: { label: '下巴位置', severity: 'block', low: '下巴离底边太近，请离镜头远一点', high: '' },
  brightness: { label: '亮度', severity: 'block', low: '照片太暗，请面向窗户或在明亮处拍摄', high: '照片过亮，请避开强光直射' },
  contrast: { label: '对比度', severity: 'warn', low: '脸部层次不足，请换到光线均匀的地方拍摄', high: '明暗反差太大，请避免侧光和阴影' },
  background: { label: '背景', severity: 'warn', low: '', high: '背景不够干净，请在白墙前拍摄' },
  sharpness: { label: '清晰度', severity: 'block', low: '照片模糊，请保持手机稳定、对焦后重拍', high: '' },
  eyebrows: { label: '眉毛露出', severity: 'warn', low: '', high: '刘海可能遮住了眉毛，请把头发梳到额头上方，露出眉毛和额头后重拍' },
  ears: { label: '耳朵露出', severity: 'warn', low: '', high: '头发可能遮住了耳朵，请把长发拢到耳后，露出双耳后重拍' },
  /** The pipeline cannot tell glasses from skin: a white patch by the eye may be a lens's reflection or a blown-out cheek, so the hint names both. */
  glare: { label: '眼部反光', severity: 'warn', low: '', high: '眼睛周围有一片反光（眼镜片或脸上的高光），请避开正面强光；戴眼镜的可微微低头或摘下眼镜后重拍' },
  pixels: { label: '像素尺寸', severity: 'block', low: '像素尺寸不符合要求', high: '像素尺寸不符合要求' },
  dpi: { label: '分辨率 DPI', severity: 'block', low: 'DPI 不符合要求', high: 'DPI 不符合要求' },
  'file-size': { label: '文件大小', severity: 'block', low: '文件太小，请重新生成', high: '文件太大，请重新生成' },
}

/** A face narrower than this share of the frame's width is too far from the camera for an ID photo, whatever the pixels. */
export const FACE_SHARE_MIN = 0.1
/**
 * The pipeline frames from a working copy 1000 px long: a face it must enlarge more than this looks soft in the photo
 * (the fixtures' faces are enlarged 0.6–1.1×; face-1 framed at 2.6× from a 3000×4000 frame fails the sharpness check).
 */
export const FACE_ENLARGE_MAX = 1.6

/**
 * The smallest share of the frame's width a face may take: FACE_SHARE_MIN, or more when the working copy would have
 * to enlarge it past FACE_ENLARGE_MAX to the spec's face width. Coming closer is the fix either way.
 */
export const faceShareMin = (targetFacePx: number, workWidth: number): number => Math.max(FACE_SHARE_MIN, targetFacePx / FACE_ENLARGE_MAX / workWidth)

/**
 * The whole frame is blurred when even its sharpest edges (90th percentile of edgeSharpness, measure.ts) rise this
 * slowly. Measured on the 640-px copy: focused photos (the fixtures, the face-api group samples, dark, tiny, tilted)
 * 0.67–1.0; the fixtures blurred by σ = 2 px 0.42–0.47, σ = 3 px 0.33–0.36, σ = 6 px 0.23–0.24.
 */
export const FRAME_SHARPNESS_MIN = 0.45

/** The frame-level blur check: decided before the face count, since a blurred face confuses the detector. */
export function frameSharpnessCheck(measured: number): CheckResult {
  const copy = CHECK_COPY.sharpness
  const passed = measured >= FRAME_SHARPNESS_MIN
  return {
    id: 'sharpness',
    label: copy.label,
    passed,
    measured: Math.round(measured * 100) / 100,
    unit: '边缘锐度',
    limit: formatRange({ min: FRAME_SHARPNESS_MIN, unit: '边缘锐度' }),
    severity: copy.severity,
    message: passed ? '' : copy.low,
  }
}

/** The background check's hints, by what it found (residue.ts). */
export const BACKGROUND_HINTS = {
  residue: '背景有残留的原背景色块（头发间或肩膀旁），请在纯色墙前重拍，头发与墙面之间不要有杂物',
  ragged: '人像边缘不平整，请在纯色墙前、光线均匀处重拍',
} as const

/** Formats a range as people read it: "179–255 px", "≥ 207 px", "≤ 40 KB". */
export function formatRange(range: Range | { min?: number; max?: number; unit: string }): string {
  const { min, max, unit } = range
  if (min !== undefined && max !== undefined) return min === max ? `${min} ${unit}` : `${min}–${max} ${unit}`
  if (min !== undefined) return `≥ ${min} ${unit}`
  if (max !== undefined) return `≤ ${max} ${unit}`
  return '—'
}

/** Judges one measurement against a range and fills in the Chinese message for a failure. */
export function judge(id: CheckId, measured: number | null, range: { min?: number; max?: number; unit: string }): CheckResult {
  const copy = CHECK_COPY[id]
  const low = measured === null || (range.min !== undefined && measured < range.min)
  const high = measured !== null && range.max !== undefined && measured > range.max
  const passed = !low && !high
  return {
    id,
    label: copy.label,
    passed,
    measured: measured === null ? null : Math.round(measured * 10) / 10,
    unit: range.unit,
    limit: formatRange(range),
    severity: copy.severity,
    message: passed ? '' : low ? copy.low : copy.high,
  }
}

/** A photo may be ordered when no blocking check failed; warnings need the user's explicit acceptance. */
export function verdict(checks: readonly CheckResult[]): { blocked: boolean; warnings: number } {
  return {
    blocked: checks.some((c) => !c.passed && c.severity === 'block'),
    warnings: checks.filter((c) => !c.passed && c.severity === 'warn').length,
  }
}
