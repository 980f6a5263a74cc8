import { BACKGROUND_HINTS, CHECK_COPY, type CheckResult } from './checks'
import type { RgbImage } from './measure'

/**
 * What a reviewer sees on the background of an ID photo: pixels that are not the spec colour. Pure
 * arithmetic on raw RGB and the alpha the pipeline composited with, so the rule is tested without images.
 */
export interface ResidueMeasure {
  /** Pixels counted as background: outside the segmentation's person (probability ≥ 0.5) dilated by RESIDUE_LIMITS.margin. */
  backgroundPixels: number
  /** Background pixels whose colour differs from the spec colour by more than the tolerance. */
  residuePixels: number
  /** The largest 8-connected patch of residue, in pixels. */
  largestArea: number
  /** How ragged the person's outline is: mean distance (px) of each row's outer edge from its neighbours' median. */
  edgeUnevenness: number
  /** Mean absolute difference (0–255) from the spec colour over the background: the older, average measure. */
  meanDeviation: number
}

export const RESIDUE_LIMITS = {
  /**
   * The soft edge of the matte (hair tips the refinement recovers, the anti-aliased outline) belongs to the
   * person: a reviewer reads it as hair. Pixels within this many output pixels of the segmentation's person
   * are left out of the background; anything the composite leaves further out is residue.
   */
  margin: 4,
  /** Segmentation probability at or above which a pixel is person: the model's own decision boundary. */
  personAlpha: 0.5,
  /**
   * A background pixel more than this far (any channel, 0–255) from the spec colour is residue: a patch of
   * wall 20 levels off white is plainly grey next to it; smaller steps are shading a reviewer does not see.
   */
  tolerance: 20,
  /**
   * A patch this share of the frame or larger is visible residue: 0.05 % is 79 px (about 9×9) on a
   * 358×441 photo, bigger than a JPEG block and plainly visible when the photo is viewed at 100 %.
   */
  largestShare: 0.0005,
  /** Scattered residue: this share of the background off-colour reads as a dirty background even in specks. */
  residueShare: 0.005,
  /**
   * A matte following the head's outline moves a pixel or two between rows; a mask that bites into the head
   * or leaves a block of wall attached to it jumps by many. Measured on the fixtures: 0.3–1.2 px.
   */
  edgeUnevenness: 3,
  /** The older average measure, kept: a whole background off by this much is a tinted wall. */
  meanDeviation: 12,
} as const

/** Neighbours each side whose median an outline row is compared with. */
const EDGE_WINDOW = 4

/** Marks every pixel within `r` (Chebyshev distance) of a set pixel: a square dilation in two passes. */
export function dilate(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const rows = new Uint8Array(mask.length)
  for (let y = 0; y < height; y++) {
    let last = -Infinity
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x]) last = x
      if (x - last <= r) rows[y * width + x] = 1
    }
    last = Infinity
    for (let x = width - 1; x >= 0; x--) {
      if (mask[y * width + x]) last = x
      if (last - x <= r) rows[y * width + x] = 1
    }
  }
  const out = new Uint8Array(mask.length)
  for (let x = 0; x < width; x++) {
    let last = -Infinity
    for (let y = 0; y < height; y++) {
      if (rows[y * width + x]) last = y
      if (y - last <= r) out[y * width + x] = 1
    }
    last = Infinity
    for (let y = height - 1; y >= 0; y--) {
      if (rows[y * width + x]) last = y
      if (last - y <= r) out[y * width + x] = 1
    }
  }
  return out
}

/** The size of the largest 8-connected group of set pixels. */
export function largestComponent(mask: Uint8Array, width: number, height: number): number {
  const seen = new Uint8Array(mask.length)
  const stack: number[] = []
  let largest = 0
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue
    let size = 0
    seen[start] = 1
    stack.push(start)
    while (stack.length) {
      const p = stack.pop()!
      size++
      const px = p % width
      const py = (p - px) / width
      for (let dy = -1; dy <= 1; dy++) {
        const y = py + dy
        if (y < 0 || y >= height) continue
        for (let dx = -1; dx <= 1; dx++) {
          const x = px + dx
          if (x < 0 || x >= width) continue
          const q = y * width + x
          if (mask[q] && !seen[q]) {
            seen[q] = 1
            stack.push(q)
          }
        }
      }
    }
    largest = Math.max(largest, size)
  }
  return largest
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** The outermost person column (alpha ≥ 0.5) on each row, left and right; undefined where none or at the frame's side. */
function outline(alpha: Float32Array, width: number, height: number): Array<Array<number | undefined>> {
  const left: Array<number | undefined> = []
  const right: Array<number | undefined> = []
  for (let y = 0; y < height; y++) {
    let l: number | undefined
    let r: number | undefined
    for (let x = 0; x < width; x++) {
      if (alpha[y * width + x] < 0.5) continue
      l ??= x
      r = x
    }
    left.push(l !== undefined && l > 0 ? l : undefined)
    right.push(r !== undefined && r < width - 1 ? r : undefined)
  }
  return [left, right]
}

/** Each defined entry's distance from the median of its defined neighbours within EDGE_WINDOW. */
function jumps(side: Array<number | undefined>): number[] {
  const out: number[] = []
  side.forEach((v, y) => {
    if (v === undefined) return
    const around: number[] = []
    for (let k = Math.max(0, y - EDGE_WINDOW); k <= Math.min(side.length - 1, y + EDGE_WINDOW); k++) {
      const u = side[k]
      if (k !== y && u !== undefined) around.push(u)
    }
    if (around.length >= EDGE_WINDOW) out.push(Math.abs(v - median(around)))
  })
  return out
}

/**
 * The mean distance of the outline's outer edges (leftmost and rightmost alpha ≥ 0.5 per row) from the median
 * of their neighbouring rows. Rows where the person touches the frame's side (shoulders) are left out.
 */
export function edgeUnevenness(alpha: Float32Array, width: number, height: number): number {
  const all = outline(alpha, width, height).flatMap(jumps)
  return all.length === 0 ? 0 : all.reduce((s, v) => s + v, 0) / all.length
}

/**
 * Measures residue, its largest patch and the outline on a composited photo. `person` is the segmentation's
 * person probability at the photo's pixels: independent of the matte the photo was composited with, so
 * whatever the composite leaves of the old background beside the person is counted.
 */
export function measureResidue(img: RgbImage, person: Float32Array, rgb: readonly [number, number, number]): ResidueMeasure {
  const alpha = person
  const { width, height, data } = img
  const inside = new Uint8Array(width * height)
  for (let p = 0; p < inside.length; p++) inside[p] = alpha[p] >= RESIDUE_LIMITS.personAlpha ? 1 : 0
  const near = dilate(inside, width, height, RESIDUE_LIMITS.margin)
  const residue = new Uint8Array(width * height)
  let backgroundPixels = 0
  let residuePixels = 0
  let deviation = 0
  for (let p = 0; p < inside.length; p++) {
    if (near[p]) continue
    backgroundPixels++
    const i = p * 3
    const d0 = Math.abs(data[i] - rgb[0])
    const d1 = Math.abs(data[i + 1] - rgb[1])
    const d2 = Math.abs(data[i + 2] - rgb[2])
    deviation += (d0 + d1 + d2) / 3
    if (Math.max(d0, d1, d2) > RESIDUE_LIMITS.tolerance) {
      residue[p] = 1
      residuePixels++
    }
  }
  return {
    backgroundPixels,
    residuePixels,
    largestArea: residuePixels ? largestComponent(residue, width, height) : 0,
    edgeUnevenness: edgeUnevenness(alpha, width, height),
    meanDeviation: backgroundPixels ? deviation / backgroundPixels : 0,
  }
}

/** The largest patch allowed on a frame of this many pixels. */
export const largestAllowed = (framePixels: number) => Math.max(1, Math.round(RESIDUE_LIMITS.largestShare * framePixels))

/**
 * The background check: fails on a visible patch, on scattered residue, on a ragged outline or on a tinted wall,
 * each with the hint that fixes it. The measured value is the largest patch, in pixels.
 */
export function backgroundCheck(m: ResidueMeasure, framePixels: number): CheckResult {
  const limit = largestAllowed(framePixels)
  const copy = CHECK_COPY.background
  const patch = m.largestArea > limit
  const scattered = m.backgroundPixels > 0 && m.residuePixels / m.backgroundPixels > RESIDUE_LIMITS.residueShare
  const ragged = m.edgeUnevenness > RESIDUE_LIMITS.edgeUnevenness
  const tinted = m.meanDeviation > RESIDUE_LIMITS.meanDeviation
  const passed = !patch && !scattered && !ragged && !tinted
  return {
    id: 'background',
    label: copy.label,
    passed,
    measured: m.largestArea,
    unit: 'px 残留',
    limit: `≤ ${limit} px 残留`,
    severity: copy.severity,
    message: passed ? '' : patch || scattered ? BACKGROUND_HINTS.residue : ragged ? BACKGROUND_HINTS.ragged : copy.high,
  }
}
