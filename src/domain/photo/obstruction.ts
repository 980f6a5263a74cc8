import type { Box, RgbImage } from './measure'
import { largestComponent } from './residue'

/**
 * Obstruction hints from landmarks and colour: what reviewers reject after framing, reported as warnings the user
 * must accept (a fringe may stop just short of the brows; a glare may be a catchlight). Pure arithmetic on raw RGB.
 */
export interface Point {
  x: number
  y: number
}

export const OBSTRUCTION_LIMITS = {
  /** A glare pixel: near white (luma ≥ 235) and colourless (channels within 30), as a lamp reflected in a lens. */
  glareLuma: 235,
  glareChroma: 30,
  /**
   * An eye's own catchlight is a dot of 1–3 % of the lens area; a reflection on a lens covers a patch. Measured on
   * the four fixtures (no glasses): no white patch at all in the lens box.
   */
  glareShare: 0.04,
  /** The band above the brows looked at for a fringe: from 0.18 to 0.03 face widths above the highest brow point. */
  fringeTop: 0.18,
  fringeBottom: 0.03,
  /** Hair and skin must differ this much (RGB distance) for the band to be judged; closer, the pipeline cannot tell. */
  fringeContrast: 60,
  /** A fringe covers the brows when more than half of the band above them is hair-coloured; the fixtures (foreheads bare) measure 0–0.15. */
  fringeShare: 0.5,
} as const

const luma = (d: Uint8Array, i: number) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]

function boxOf(points: readonly Point[]): Box {
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  return { left: Math.min(...xs), top: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }
}

function clip(img: RgbImage, b: Box): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.max(0, Math.floor(b.left)),
    y0: Math.max(0, Math.floor(b.top)),
    x1: Math.min(img.width, Math.ceil(b.left + b.width)),
    y1: Math.min(img.height, Math.ceil(b.top + b.height)),
  }
}

/**
 * Where a lens sits around an eye's six landmarks: half an eye width wider each side, from 0.5 eye widths above the
 * eye's centre (below the brow, so light hair over the brow is not read as glare) to 0.8 below.
 */
export function lensBox(eye: readonly Point[]): Box {
  const b = boxOf(eye)
  const cy = b.top + b.height / 2
  return { left: b.left - 0.5 * b.width, top: cy - 0.5 * b.width, width: 2 * b.width, height: 1.3 * b.width }
}

/** The largest near-white, colourless patch inside a box, as a share of the box. */
export function glareShare(img: RgbImage, box: Box): number {
  const { x0, y0, x1, y1 } = clip(img, box)
  const w = x1 - x0
  const h = y1 - y0
  if (w <= 0 || h <= 0) return 0
  const mask = new Uint8Array(w * h)
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 3
      const d = img.data
      const chroma = Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2])
      if (luma(d, i) >= OBSTRUCTION_LIMITS.glareLuma && chroma <= OBSTRUCTION_LIMITS.glareChroma) mask[(y - y0) * w + x - x0] = 1
    }
  }
  return largestComponent(mask, w, h) / (w * h)
}

function meanColour(img: RgbImage, box: Box): [number, number, number] | undefined {
  const { x0, y0, x1, y1 } = clip(img, box)
  const sum = [0, 0, 0]
  let n = 0
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 3
      for (let c = 0; c < 3; c++) sum[c] += img.data[i + c]
      n++
    }
  }
  return n ? [sum[0] / n, sum[1] / n, sum[2] / n] : undefined
}

const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

/**
 * The share of the band just above the eyebrows that is hair rather than skin, each pixel given to the nearer of the
 * two colours: skin from the bridge of the nose between the eyes (lit as the forehead is, never under a fringe),
 * hair from just under the hair top. Undefined when hair and skin
 * are too alike to tell apart (dark hair on dark skin, fair hair on fair skin): the pipeline cannot see it then.
 */
export function fringeShare(img: RgbImage, input: { brows: readonly Point[]; skin: Box; hair: Box; faceWidth: number }): number | undefined {
  const skin = meanColour(img, input.skin)
  const hair = meanColour(img, input.hair)
  if (!skin || !hair) return undefined
  if (dist(skin, hair) < OBSTRUCTION_LIMITS.fringeContrast) return undefined
  const b = boxOf(input.brows)
  const band = clip(img, { left: b.left, top: b.top - OBSTRUCTION_LIMITS.fringeTop * input.faceWidth, width: b.width, height: (OBSTRUCTION_LIMITS.fringeTop - OBSTRUCTION_LIMITS.fringeBottom) * input.faceWidth })
  let hairy = 0
  let n = 0
  for (let y = band.y0; y < band.y1; y++) {
    for (let x = band.x0; x < band.x1; x++) {
      const i = (y * img.width + x) * 3
      const px = [img.data[i], img.data[i + 1], img.data[i + 2]]
      if (dist(px, hair) < dist(px, skin)) hairy++
      n++
    }
  }
  return n ? hairy / n : undefined
}
