/**
 * Image statistics for the pre-checks, on raw interleaved RGB pixels. Pure arithmetic, so the rules
 * are unit-tested without an image library.
 */
export interface RgbImage {
  data: Uint8Array
  width: number
  height: number
}

export interface Box {
  left: number
  top: number
  width: number
  height: number
}

const luma = (d: Uint8Array, i: number) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]

function clampBox(img: RgbImage, box: Box): Box {
  const left = Math.max(0, Math.floor(box.left))
  const top = Math.max(0, Math.floor(box.top))
  const right = Math.min(img.width, Math.ceil(box.left + box.width))
  const bottom = Math.min(img.height, Math.ceil(box.top + box.height))
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) }
}

/** Mean and standard deviation of luma (0–255) inside a box: the face's brightness and contrast. */
export function lumaStats(img: RgbImage, box: Box): { mean: number; std: number } {
  const b = clampBox(img, box)
  let sum = 0
  let sq = 0
  let n = 0
  for (let y = b.top; y < b.top + b.height; y++) {
    for (let x = b.left; x < b.left + b.width; x++) {
      const v = luma(img.data, (y * img.width + x) * 3)
      sum += v
      sq += v * v
      n++
    }
  }
  if (n === 0) return { mean: 0, std: 0 }
  const mean = sum / n
  return { mean, std: Math.sqrt(Math.max(0, sq / n - mean * mean)) }
}

/** Variance of the 4-neighbour Laplacian of luma inside a box: low values mean a blurred photo. */
export function laplacianVariance(img: RgbImage, box: Box): number {
  const b = clampBox(img, box)
  let sum = 0
  let sq = 0
  let n = 0
  for (let y = Math.max(1, b.top); y < Math.min(img.height - 1, b.top + b.height); y++) {
    for (let x = Math.max(1, b.left); x < Math.min(img.width - 1, b.left + b.width); x++) {
      const i = (y * img.width + x) * 3
      const v = 4 * luma(img.data, i) - luma(img.data, i - 3) - luma(img.data, i + 3) - luma(img.data, i - img.width * 3) - luma(img.data, i + img.width * 3)
      sum += v
      sq += v * v
      n++
    }
  }
  if (n === 0) return 0
  const mean = sum / n
  return sq / n - mean * mean
}

/**
 * How far the background strays from the spec colour: the mean absolute difference per channel (0–255)
 * over the pixels the mask calls background (alpha below 0.1). 0 is a perfectly uniform background.
 */
export function backgroundDeviation(img: RgbImage, alpha: Float32Array, rgb: readonly [number, number, number]): number {
  let total = 0
  let n = 0
  for (let p = 0; p < img.width * img.height; p++) {
    if (alpha[p] >= 0.1) continue
    const i = p * 3
    total += (Math.abs(img.data[i] - rgb[0]) + Math.abs(img.data[i + 1] - rgb[1]) + Math.abs(img.data[i + 2] - rgb[2])) / 3
    n++
  }
  return n === 0 ? 0 : total / n
}

/** The first row from the top where at least `share` of the columns in [x0, x1) are foreground. */
export function topOfForeground(alpha: Float32Array, width: number, height: number, x0: number, x1: number, share = 0.3, maxY = height): number | undefined {
  const from = Math.max(0, Math.floor(x0))
  const to = Math.min(width, Math.ceil(x1))
  if (to <= from) return undefined
  for (let y = 0; y < Math.min(height, maxY); y++) {
    let fg = 0
    for (let x = from; x < to; x++) if (alpha[y * width + x] >= 0.5) fg++
    if (fg / (to - from) >= share) return y
  }
  return undefined
}

/** Pixels each side over which an edge's contrast is taken: a step blurred by σ ≤ 3 px still rises within it. */
const EDGE_REACH = 4
/** An edge is a rise of at least this much luma (0–255) across 2·EDGE_REACH px: hair on a wall, a collar, an eye. */
const EDGE_CONTRAST = 60

/**
 * How sharp the frame's sharpest edges are, independent of what the photo shows: at every strong edge (a rise of
 * EDGE_CONTRAST across 2·EDGE_REACH px, rows and columns), the steepest single-pixel step near it divided by the rise.
 * A focused edge rises in one or two pixels (≈ 0.5–1); a blurred one spreads over many (σ = 3 px: ≈ 0.15). Returns
 * the 90th percentile, so a photo is sharp if its sharpest edges are; undefined when the frame has no strong edge
 * (a bare wall), where blur cannot be told from an empty picture.
 */
export function edgeSharpness(img: RgbImage): number | undefined {
  const { width, height, data } = img
  const L = new Float32Array(width * height)
  for (let p = 0; p < L.length; p++) L[p] = luma(data, p * 3)
  const ratios: number[] = []
  const probe = (at: (k: number) => number) => {
    const rise = Math.abs(at(EDGE_REACH) - at(-EDGE_REACH))
    if (rise < EDGE_CONTRAST) return
    let steepest = 0
    for (let k = -EDGE_REACH; k < EDGE_REACH; k++) steepest = Math.max(steepest, Math.abs(at(k + 1) - at(k)))
    ratios.push(steepest / rise)
  }
  for (let y = EDGE_REACH; y < height - EDGE_REACH; y += 2) {
    for (let x = EDGE_REACH; x < width - EDGE_REACH; x += 2) {
      const p = y * width + x
      probe((k) => L[p + k])
      probe((k) => L[p + k * width])
    }
  }
  if (ratios.length < 50) return undefined
  ratios.sort((a, b) => a - b)
  return ratios[Math.floor(0.9 * (ratios.length - 1))]
}
