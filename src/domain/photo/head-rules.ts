import type { HeadRules } from './spec.types'
import { specById } from './specs'

/**
 * Head rules for a size no source gives them for: the 居民身份证 rules (face 193–221 px, hair 7–21 px, eyes ≥ 207 px
 * above the bottom, on 358×441) scaled to these pixels — the nearest standard, as the issue asks for custom sizes.
 */
export function scaledHead(width: number, height: number): HeadRules {
  const base = specById('id-card')!
  const sx = width / base.pixels.width
  const sy = height / base.pixels.height
  const r = (n: number | undefined, s: number) => (n === undefined ? undefined : Math.round(n * s))
  const { faceWidth, hairTopMargin, eyeLineFromBottom } = base.head
  return {
    faceWidth: { min: r(faceWidth?.min, sx), max: r(faceWidth?.max, sx), unit: 'px' },
    hairTopMargin: { min: r(hairTopMargin?.min, sy), max: r(hairTopMargin?.max, sy), unit: 'px' },
    eyeLineFromBottom: { min: r(eyeLineFromBottom?.min, sy), unit: 'px' },
  }
}

