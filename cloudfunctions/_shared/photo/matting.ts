/**
 * Alpha matting by refining the segmentation against the full-resolution photo (decision 017): a colour
 * guided filter (He, Sun and Tang, "Guided Image Filtering", ECCV 2010 / TPAMI 2013, Algorithm 1 with the
 * 3-channel guide of §3.5), then compositing with the foreground's colour recovered from the local background,
 * so hair edges keep their softness without a rim of the old wall. Pure arithmetic on interleaved RGB.
 */

/** Window radius in output pixels: wide enough to reach a strand beside the mask's 256-px outline. */
export const GUIDED_RADIUS = 5
/** Regularisation (on 0–1 colours): small, so the matte follows colour edges rather than the mask's blur. */
export const GUIDED_EPS = 1e-3

/** One summed-area table reused by every box filter: a photo's matte needs some twenty of them. */
let satScratch = new Float64Array(0)

/** Box mean over a (2r+1)² window, clipped at the borders, through a summed-area table. */
export function boxMean(src: Float32Array, width: number, height: number, r: number): Float32Array {
  const w1 = width + 1
  if (satScratch.length < w1 * (height + 1)) satScratch = new Float64Array(w1 * (height + 1))
  const sat = satScratch
  sat.fill(0, 0, w1)
  for (let y = 0; y < height; y++) {
    sat[(y + 1) * w1] = 0
    let row = 0
    for (let x = 0; x < width; x++) {
      row += src[y * width + x]
      sat[(y + 1) * w1 + x + 1] = sat[y * w1 + x + 1] + row
    }
  }
  const out = new Float32Array(width * height)
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r)
    const y1 = Math.min(height, y + r + 1)
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r)
      const x1 = Math.min(width, x + r + 1)
      const sum = sat[y1 * w1 + x1] - sat[y0 * w1 + x1] - sat[y1 * w1 + x0] + sat[y0 * w1 + x0]
      out[y * width + x] = sum / ((x1 - x0) * (y1 - y0))
    }
  }
  return out
}

/**
 * The colour guided filter: q = aᵀI + b fitted in every window to the input p, with a = (Σ + εU)⁻¹ cov(I, p)
 * and b = mean(p) − aᵀ mean(I), then averaged over the windows covering each pixel.
 */
export function guidedFilter(rgb: Uint8Array, width: number, height: number, p: Float32Array, r = GUIDED_RADIUS, eps = GUIDED_EPS): Float32Array {
  const n = width * height
  const I = [new Float32Array(n), new Float32Array(n), new Float32Array(n)]
  for (let k = 0; k < n; k++) for (let c = 0; c < 3; c++) I[c][k] = rgb[k * 3 + c] / 255
  const mean = (a: Float32Array) => boxMean(a, width, height, r)
  const scratch = new Float32Array(n)
  const prod = (a: Float32Array, b: Float32Array) => {
    for (let k = 0; k < n; k++) scratch[k] = a[k] * b[k]
    return scratch
  }
  const mI = I.map(mean)
  const mp = mean(p)
  const mIp = I.map((c) => mean(prod(c, p)))
  const pairs: Array<[number, number]> = [[0, 0], [0, 1], [0, 2], [1, 1], [1, 2], [2, 2]]
  const mII = pairs.map(([i, j]) => mean(prod(I[i], I[j])))
  const A = [new Float32Array(n), new Float32Array(n), new Float32Array(n)]
  const B = new Float32Array(n)
  for (let k = 0; k < n; k++) {
    const cr = mIp[0][k] - mI[0][k] * mp[k]
    const cg = mIp[1][k] - mI[1][k] * mp[k]
    const cb = mIp[2][k] - mI[2][k] * mp[k]
    const rr = mII[0][k] - mI[0][k] * mI[0][k] + eps
    const rg = mII[1][k] - mI[0][k] * mI[1][k]
    const rb = mII[2][k] - mI[0][k] * mI[2][k]
    const gg = mII[3][k] - mI[1][k] * mI[1][k] + eps
    const gb = mII[4][k] - mI[1][k] * mI[2][k]
    const bb = mII[5][k] - mI[2][k] * mI[2][k] + eps
    // Inverse of the symmetric 3×3 covariance by cofactors.
    const i00 = gg * bb - gb * gb
    const i01 = gb * rb - rg * bb
    const i02 = rg * gb - gg * rb
    const i11 = rr * bb - rb * rb
    const i12 = rb * rg - rr * gb
    const i22 = rr * gg - rg * rg
    const det = rr * i00 + rg * i01 + rb * i02
    const a0 = (i00 * cr + i01 * cg + i02 * cb) / det
    const a1 = (i01 * cr + i11 * cg + i12 * cb) / det
    const a2 = (i02 * cr + i12 * cg + i22 * cb) / det
    A[0][k] = a0
    A[1][k] = a1
    A[2][k] = a2
    B[k] = mp[k] - a0 * mI[0][k] - a1 * mI[1][k] - a2 * mI[2][k]
  }
  const mA = A.map(mean)
  const mB = mean(B)
  const q = new Float32Array(n)
  for (let k = 0; k < n; k++) q[k] = mA[0][k] * I[0][k] + mA[1][k] * I[1][k] + mA[2][k] * I[2][k] + mB[k]
  return q
}

/**
 * Below this refined alpha a pixel is wall, above 1 − this it is person: the filter's small overshoots either side
 * of an edge would otherwise leave a faint veil of wall or a see-through cheek.
 */
const ALPHA_CLIP = 0.08

/**
 * The matte: the segmentation decided at its own boundary (probability 0.5), refined against the photo's colours.
 * A flat wall stays 0 however uncertain the model was about it; alpha is soft only where the photo has an edge.
 */
export function refineAlpha(rgb: Uint8Array, width: number, height: number, person: Float32Array): Float32Array {
  const hard = new Float32Array(person.length)
  for (let k = 0; k < person.length; k++) hard[k] = person[k] >= 0.5 ? 1 : 0
  const q = guidedFilter(rgb, width, height, hard)
  for (let k = 0; k < q.length; k++) q[k] = Math.max(0, Math.min(1, (q[k] - ALPHA_CLIP) / (1 - 2 * ALPHA_CLIP)))
  return q
}

/**
 * Composites onto the spec colour without a halo: at a soft edge the photo's pixel is I = αF + (1 − α)B, so the
 * foreground F is recovered with B the local background colour (the photo's mean where α is low, around the pixel)
 * and the output is αF + (1 − α)·spec, the hair's own colour over the new wall instead of a rim of the old one.
 */
export function compositeOnto(rgb: Uint8Array, width: number, height: number, alpha: Float32Array, spec: readonly [number, number, number], r = 3 * GUIDED_RADIUS): void {
  const n = width * height
  const wBg = new Float32Array(n)
  for (let k = 0; k < n; k++) wBg[k] = alpha[k] < 0.05 ? 1 : 0
  const mw = boxMean(wBg, width, height, r)
  const bg: Float32Array[] = []
  for (let c = 0; c < 3; c++) {
    const ch = new Float32Array(n)
    for (let k = 0; k < n; k++) ch[k] = wBg[k] * rgb[k * 3 + c]
    bg.push(boxMean(ch, width, height, r))
  }
  for (let k = 0; k < n; k++) {
    const a = alpha[k]
    for (let c = 0; c < 3; c++) {
      const i = k * 3 + c
      if (a <= 0) {
        rgb[i] = spec[c]
        continue
      }
      if (a >= 1) continue
      const B = mw[k] > 1e-3 ? bg[c][k] / mw[k] : spec[c]
      const F = Math.max(0, Math.min(255, (rgb[i] - (1 - a) * B) / Math.max(a, 0.2)))
      rgb[i] = Math.round(a * F + (1 - a) * spec[c])
    }
  }
}
