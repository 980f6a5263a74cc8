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
