import { dilate } from './residue'

/** How far (px) past the main person's decided outline its soft edge is kept: hair tips fade out within this. */
export const MAIN_PERSON_EDGE = 8

/**
 * The person of an ID photo is the one whose face was found: a segmentation or matting model marks everyone it sees,
 * and a friend's shoulder or hair at the edge of a phone photo is background to a reviewer. Keeps the 8-connected
 * region (alpha ≥ 0.5) holding `seed` (a point of the face), or the person pixel nearest to it, with its soft edge up
 * to MAIN_PERSON_EDGE px; everything else becomes 0. A neighbour touching the person stays: they are one region.
 */
export function mainPerson(alpha: Float32Array, width: number, height: number, seed: { x: number; y: number }): Float32Array {
  const n = width * height
  let start = -1
  let best = Infinity
  for (let k = 0; k < n; k++) {
    if (alpha[k] < 0.5) continue
    const x = k % width
    const d = (x - seed.x) ** 2 + ((k - x) / width - seed.y) ** 2
    if (d < best) {
      best = d
      start = k
    }
  }
  const keep = new Uint8Array(n)
  if (start < 0) return new Float32Array(n)
  const stack = [start]
  keep[start] = 1
  while (stack.length) {
    const p = stack.pop()!
    const px = p % width
    const py = (p - px) / width
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const x = px + dx
        const y = py + dy
        if (x < 0 || y < 0 || x >= width || y >= height) continue
        const q = y * width + x
        if (!keep[q] && alpha[q] >= 0.5) {
          keep[q] = 1
          stack.push(q)
        }
      }
    }
  }
  const near = dilate(keep, width, height, MAIN_PERSON_EDGE)
  return Float32Array.from(alpha, (a, k) => (near[k] ? a : 0))
}
