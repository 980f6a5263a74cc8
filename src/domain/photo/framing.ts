import type { SpecShape, Range } from './spec.types'

export interface Point {
  x: number
  y: number
}

/** What the face model and the segmentation tell us about one upright face, in source pixels. */
export interface FaceGeometry {
  /** Outermost jaw landmarks (68-point indices 0 and 16): the face width reviewers measure. */
  jawLeft: Point
  jawRight: Point
  /** Centres of the two eyes (landmarks 36–41 and 42–47). */
  eyeLeft: Point
  eyeRight: Point
  /** Lowest chin landmark (8). */
  chin: Point
  /** Top of the hair, from the segmentation mask. */
  hairTop: number
  /** Width of the head with its hair at the eye line, from the segmentation mask. */
  headWidth: number
}

/** The part of the source to take (it may extend past the edges) and its scale to the output. */
export interface Frame {
  left: number
  top: number
  width: number
  height: number
  /** Output pixels per source pixel. */
  scale: number
}

export const mid = (r: Range): number | undefined =>
  r.min !== undefined && r.max !== undefined ? (r.min + r.max) / 2 : (r.min ?? r.max)

export const faceWidthOf = (f: Pick<FaceGeometry, 'jawLeft' | 'jawRight'>) => Math.hypot(f.jawRight.x - f.jawLeft.x, f.jawRight.y - f.jawLeft.y)
export const eyeMidOf = (f: Pick<FaceGeometry, 'eyeLeft' | 'eyeRight'>): Point => ({ x: (f.eyeLeft.x + f.eyeRight.x) / 2, y: (f.eyeLeft.y + f.eyeRight.y) / 2 })

/** The in-plane tilt of the eye line, in degrees (positive: the right eye is lower). */
export function rollOf(eyeLeft: Point, eyeRight: Point): number {
  return (Math.atan2(eyeRight.y - eyeLeft.y, eyeRight.x - eyeLeft.x) * 180) / Math.PI
}

/**
 * How comfortably a value sits inside a range: 1 at the centre of a closed range, 0 at an edge,
 * negative outside. One-sided ranges reach 1 at 10 % beyond their bound.
 */
export function slack(value: number, range: Range): number {
  const { min, max } = range
  if (min !== undefined && max !== undefined) return max === min ? (value === min ? 1 : -Math.abs(value - min)) : Math.min(value - min, max - value) / ((max - min) / 2)
  if (min !== undefined) return Math.min(1, (value - min) / Math.max(1, 0.1 * min))
  if (max !== undefined) return Math.min(1, (max - value) / Math.max(1, 0.1 * max))
  return 1
}

/** The head measurements of a photo, in output pixels, as the pre-checks judge them. */
export interface HeadMeasurements {
  faceWidth: number
  headWidth: number
  hairTopMargin: number
  eyeLineFromBottom: number
  eyeMidpointX: number
  headHeight: number
  chinFromBottom: number
}

/** Predicts the measurements of the output for a frame, from the source geometry. */
export function predictHead(spec: SpecShape, frame: Frame, face: FaceGeometry): HeadMeasurements {
  const s = frame.scale
  const eye = eyeMidOf(face)
  return {
    faceWidth: faceWidthOf(face) * s,
    headWidth: face.headWidth * s,
    hairTopMargin: (face.hairTop - frame.top) * s,
    eyeLineFromBottom: spec.pixels.height - (eye.y - frame.top) * s,
    eyeMidpointX: (eye.x - frame.left) * s,
    headHeight: (face.chin.y - face.hairTop) * s,
    chinFromBottom: spec.pixels.height - (face.chin.y - frame.top) * s,
  }
}

/**
 * Measurements on the final photo can differ from the prediction by a pixel or two (the mask is
 * coarser than the output), so placement aims this far inside every bound.
 */
const SAFETY_PX = 2

function inset(range: Range): Range {
  const min = range.min === undefined ? undefined : range.min + SAFETY_PX
  const max = range.max === undefined ? undefined : range.max - SAFETY_PX
  return min !== undefined && max !== undefined && min > max ? range : { ...range, min, max }
}

/** The worst slack over every head rule of the spec: the frame is only as good as its tightest rule. */
export function frameScore(spec: SpecShape, head: HeadMeasurements): number {
  let worst = Infinity
  for (const [rule, range] of Object.entries(spec.head) as Array<[keyof HeadMeasurements, Range | undefined]>) {
    if (range) worst = Math.min(worst, slack(head[rule], inset(range)))
  }
  return worst === Infinity ? 1 : worst
}

/**
 * Chooses the scale and the vertical placement together, so that every head rule of the spec holds
 * with the most room to spare: the face or head width, the head height, the hair-top margin, the
 * eye line and the chin. A grid search over scale × top margin; the eye midpoint is centred (or put
 * where the spec says). When no placement satisfies every rule, the least-bad one is returned and the
 * pre-checks report what is off.
 */
export function computeFrame(spec: SpecShape, face: FaceGeometry): Frame {
  const { width: W, height: H } = spec.pixels
  const h = spec.head
  const widthRule = h.faceWidth ?? h.headWidth
  const measuredWidth = h.faceWidth ? faceWidthOf(face) : face.headWidth
  const base = widthRule && measuredWidth > 0 ? (mid(widthRule) ?? 0.55 * W) / measuredWidth : (0.55 * W) / Math.max(1, faceWidthOf(face))
  const eye = eyeMidOf(face)
  const eyeX = h.eyeMidpointX ? (mid(h.eyeMidpointX) ?? W / 2) : W / 2
  const tops = h.hairTopMargin ? [h.hairTopMargin.min ?? 0, h.hairTopMargin.max ?? 0.12 * H] : [0.03 * H, 0.12 * H]
  let best: { frame: Frame; score: number } | undefined
  for (let i = 0; i <= 40; i++) {
    const scale = base * (0.7 + (0.6 * i) / 40)
    for (let j = 0; j <= 12; j++) {
      const topMargin = tops[0] + ((tops[1] - tops[0]) * j) / 12
      const frame = { left: eye.x - eyeX / scale, top: face.hairTop - topMargin / scale, width: W / scale, height: H / scale, scale }
      const score = frameScore(spec, predictHead(spec, frame, face)) - Math.abs(scale / base - 1) * 1e-3
      if (!best || score > best.score) best = { frame, score }
    }
  }
  return (best as { frame: Frame }).frame
}
