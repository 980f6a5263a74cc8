import type { Box, RgbImage } from './measure'
import { largestComponent } from './residue'
import { unverifiedBecause, type Evidence } from '../sources/source'

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
  /**
   * The box looked at for each ear, just outside the face contour (jaw landmarks 0–3 on one side, 13–16 on the other):
   * from the contour's top point (about eye level; moved up, the box reads the hair above a bare ear) down to the
   * contour at the nose base, and `earOut` face widths outwards from the contour's outermost point. Tuned on the
   * fixtures' output (358×441): face-4's bare right ear measured 0.29 with a box 0.12 face widths wide, 0.36 at 0.18,
   * 0.47 at 0.18 starting 0.1 face widths higher (the hair pulled back above it reads as hair); the sides covered by
   * dark hair measured 1.00 in all of these. 0.15 wide holds an ear (0.12–0.2 face widths) with little behind it.
   */
  earTop: 0,
  earOut: 0.15,
  /** A pixel this close (RGB distance) to the spec background is background: it is composited there, so it is exact. */
  earBackground: 40,
  /**
   * A side is judged only when at least this share of its box is hair or skin: a turned head's far side is mostly
   * background, its ear hidden by the head, not the hair (face-api sample1's left woman: 0.35 person, a strand of hair).
   */
  earPerson: 0.5,
  /**
   * Hair covers an ear when more than this share of the person in its box is hair-coloured. Measured on the pipeline's
   * output (photo-quality.test.ts), left / right, each photo looked at: covered — face-1 (blonde curls) 0.76 / 0.11,
   * face-2 1.00 / 0.53, face-3 — / 1.00, face-api sample1's middle woman 1.00 / 0.98, sample2's right woman 0.93 / 1.00;
   * bare — face-4 (hair pulled back) — / 0.26, sample5's top woman 0.05 / —, sample1's left woman — / 0.40.
   * Checked afterwards on bench/eval/portraits.json (labelled by someone else): 10 of 13 covered fire (3 undefined),
   * 4 of 8 labelled bare fire — two with one ear under hair, a bare ear with hair close behind it (0.63), a bare ear
   * in shade on darker skin (0.99).
   */
  earShare: 0.6,
} as const

/**
 * The rule each hint stands for, with where it comes from. 露出双耳: no official page found, only third-party pages
 * (one of which says ID photos have no hard rule on ears), so the hint is a warning the user accepts, never a block.
 */
export const OBSTRUCTION_RULES: Record<'ears', { text: string; evidence: Evidence }> = {
  ears: {
    text: '头发不遮住耳朵，长发拢到耳后、露出双耳（提示，可确认后继续）',
    evidence: unverifiedBecause(
      '检索了“身份证照片 长发者应露出两耳”“公安局 身份证 拍照须知 头发 耳朵”“出入境证件 露出双耳”，没有找到官方页面；第三方页面写“拍摄前请将头发整理好,长发者应露出两耳,发髻不要盘在头顶”（https://vibaike.net/article/953537.html）、“发型不能过于蓬松、不能遮挡双耳和眉毛”（http://cs.miaodongshenghuo.com/c/110313P62R023.html），也有页面说“证件照其实对耳朵没啥硬性要求”（https://www.chetan.com/202306/1039321.shtml），所以只作提示、不拦截',
    ),
  },
}

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
export function glareShare(img: RgbImage, box: Box, person?: Float32Array): number {
  const { x0, y0, x1, y1 } = clip(img, box)
  const w = x1 - x0
  const h = y1 - y0
  if (w <= 0 || h <= 0) return 0
  const mask = new Uint8Array(w * h)
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      // Past the face's outline (a turned head's far lens box) the white is the new background, not a reflection.
      if (person && person[y * img.width + x] < 0.5) continue
      const i = (y * img.width + x) * 3
      const d = img.data
      const chroma = Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2])
      if (luma(d, i) >= OBSTRUCTION_LIMITS.glareLuma && chroma <= OBSTRUCTION_LIMITS.glareChroma) mask[(y - y0) * w + x - x0] = 1
    }
  }
  return largestComponent(mask, w, h) / (w * h)
}

function meanColour(img: RgbImage, box: Box, except?: { rgb: readonly number[]; within: number }): [number, number, number] | undefined {
  const { x0, y0, x1, y1 } = clip(img, box)
  const sum = [0, 0, 0]
  let n = 0
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 3
      if (except && dist([img.data[i], img.data[i + 1], img.data[i + 2]], except.rgb) < except.within) continue
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

type Rgb = readonly [number, number, number]

/** The box beside one side of the face where that ear is: `side` −1 looks left of the contour points, +1 right. */
export function earBox(contour: readonly Point[], side: -1 | 1, faceWidth: number): Box {
  const L = OBSTRUCTION_LIMITS
  const b = boxOf(contour)
  const edge = side < 0 ? b.left : b.left + b.width
  const width = L.earOut * faceWidth
  return { left: side < 0 ? edge - width : edge, top: b.top - L.earTop * faceWidth, width, height: b.height + L.earTop * faceWidth }
}

/**
 * How much of the place where an ear should show is hair rather than skin, each side: in the box beside the face
 * contour (earBox), a pixel within `earBackground` of the spec background (composited there) is background, any other
 * goes to the nearer of hair (sampled under the hair top, the background there left out: a tilted crown leaves some in
 * the sample box) and skin (the bridge of the nose), and the share is
 * hair ÷ (hair + skin). A side whose box is mostly background (a turned head's far side, a cropped edge) is undefined;
 * the whole answer is undefined when hair and skin are too alike to tell apart (as for the fringe): the pipeline cannot
 * see it then.
 */
export function earsCoveredShare(
  img: RgbImage,
  input: { jaw: readonly Point[]; skin: Box; hair: Box; background: Rgb; faceWidth: number },
): { left: number | undefined; right: number | undefined } | undefined {
  const background = { rgb: input.background, within: OBSTRUCTION_LIMITS.earBackground }
  const skin = meanColour(img, input.skin)
  const hair = meanColour(img, input.hair, background)
  if (!skin || !hair || input.jaw.length < 17) return undefined
  if (dist(skin, hair) < OBSTRUCTION_LIMITS.fringeContrast) return undefined
  const side = (contour: readonly Point[], dir: -1 | 1): number | undefined => {
    const box = clip(img, earBox(contour, dir, input.faceWidth))
    let hairy = 0
    let bare = 0
    for (let y = box.y0; y < box.y1; y++) {
      for (let x = box.x0; x < box.x1; x++) {
        const i = (y * img.width + x) * 3
        const px = [img.data[i], img.data[i + 1], img.data[i + 2]]
        if (dist(px, input.background) < OBSTRUCTION_LIMITS.earBackground) continue
        if (dist(px, hair) < dist(px, skin)) hairy++
        else bare++
      }
    }
    const n = Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0)
    if (!n || hairy + bare < OBSTRUCTION_LIMITS.earPerson * n) return undefined
    return hairy / (hairy + bare)
  }
  return { left: side(input.jaw.slice(0, 4), -1), right: side(input.jaw.slice(13, 17), 1) }
}
