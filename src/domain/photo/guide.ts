import type { SpecShape, Range } from './spec.types'

/**
 * The head-and-shoulders outline drawn over the camera, shaped for one spec. Every length is a fraction
 * of the spec's frame (0–1 of its width or height), so the same numbers draw it at any screen size.
 */
export interface GuideGeometry {
  /** Frame width / height, from the spec's pixels. */
  aspect: number
  /** The head oval (hair top to chin, side to side): left and width in frame widths, top and height in frame heights. */
  head: { left: number; top: number; width: number; height: number }
  /** The eye line, from the top, in frame heights. */
  eyeLine: number
  /** The shoulder arc: where it starts (from the top, in frame heights) and how wide it is (in frame widths). */
  shoulders: { top: number; width: number }
}

/**
 * A head, hair top to chin, is about 1.37 times as tall as it is wide: the 驾驶证 rules ask for a head
 * 224–260 px tall and 165–189 px wide (docs/photo-specs.md). Used when a spec gives no head height; on the
 * 社保卡 face width it puts the head at about two thirds of the frame, as the Guangdong notice asks.
 */
export const HEAD_HEIGHT_PER_WIDTH = 1.37

/** The eyes sit about halfway between the top of the hair and the chin. */
export const EYE_LINE_IN_HEAD = 0.5

/** Shoulders are about 2.3 head widths across, and the neck shows for about an eighth of the head below the chin. */
const SHOULDER_WIDTH_PER_HEAD = 2.3
const NECK_PER_HEAD = 0.12

/** Without a hair-top rule, leave about 5 % of the frame above the head. */
const DEFAULT_TOP_MARGIN = 0.05

function middle(range: Range | undefined): number | undefined {
  if (!range) return undefined
  if (range.min !== undefined && range.max !== undefined) return (range.min + range.max) / 2
  return range.min ?? range.max
}

/**
 * Places the guide where the spec wants the head: the middle of each allowed range (head or face width,
 * head height, hair-top margin, eye midpoint), then shrinks the head if the eye line or the chin would
 * come closer to the bottom edge than the spec allows.
 */
export function guideFor(spec: SpecShape): GuideGeometry {
  const { width: W, height: H } = spec.pixels
  const { head } = spec
  const width = middle(head.headWidth) ?? middle(head.faceWidth) ?? W * 0.6
  const top = middle(head.hairTopMargin) ?? H * DEFAULT_TOP_MARGIN
  let headHeight = middle(head.headHeight) ?? width * HEAD_HEIGHT_PER_WIDTH
  const eyeFloor = head.eyeLineFromBottom?.min
  if (eyeFloor !== undefined) headHeight = Math.min(headHeight, (H - eyeFloor - top) / EYE_LINE_IN_HEAD)
  const chinFloor = head.chinFromBottom?.min
  if (chinFloor !== undefined) headHeight = Math.min(headHeight, H - chinFloor - top)
  const headWidth = Math.min(width, headHeight)
  const centerX = middle(head.eyeMidpointX) ?? W / 2
  const chin = top + headHeight
  return {
    aspect: W / H,
    head: { left: (centerX - headWidth / 2) / W, top: top / H, width: headWidth / W, height: headHeight / H },
    eyeLine: (top + headHeight * EYE_LINE_IN_HEAD) / H,
    shoulders: { top: Math.min(1, (chin + headHeight * NECK_PER_HEAD) / H), width: (headWidth * SHOULDER_WIDTH_PER_HEAD) / W },
  }
}
