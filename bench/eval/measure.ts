import sharp from 'sharp'
import type { Geometry } from '../../cloudfunctions/_shared/photo/pipeline'
import { dilate, largestAllowed, largestComponent, RESIDUE_LIMITS } from '../../src/domain/photo/residue'

export { MAIN_PERSON_EDGE, mainPerson } from '../../src/domain/photo/main-person'

/**
 * The evaluation's measures (issue #18, `npm run eval:photo`), kept apart from the runner so they are tested:
 * taking a picture aligned with the input through the pipeline's own cut (`replayGeometry`), alpha error against a
 * reference (`alphaError`) and residue judged against the reference's background, not the pipeline's own mask
 * (`residueAgainst`).
 */

export interface Plane {
  data: Float32Array
  width: number
  height: number
}

/**
 * Takes `channels`-channel raw pixels aligned with the upright input through the steps that made the output frame:
 * resize to the working size, rotate by −roll (empty corners 0), cut the frame (0 past the edges), resize to
 * `out`. The same sharp operations on the same sizes as the pipeline, so the result lines up with its output.
 */
export async function replayGeometry(data: Buffer, width: number, height: number, channels: 1 | 3, geometry: Geometry, out: { width: number; height: number }): Promise<Buffer> {
  // sharp may widen one channel to three (a background colour, a rotation): every step reads the channels it was given.
  const raw = (img: { width: number; height: number; channels: number }) => ({ raw: { width: img.width, height: img.height, channels: img.channels as 1 | 3 } })
  const black = { r: 0, g: 0, b: 0, alpha: 1 }
  const step = async (img: sharp.Sharp) => {
    const r = await img.raw().toBuffer({ resolveWithObject: true })
    return { data: r.data, width: r.info.width, height: r.info.height, channels: r.info.channels }
  }
  let cur = await step(sharp(data, raw({ width, height, channels })).resize(geometry.work.width, geometry.work.height, { fit: 'fill' }))
  if (geometry.roll !== 0) cur = await step(sharp(cur.data, raw(cur)).rotate(-geometry.roll, { background: black }))
  const f = geometry.frame
  const pad = { left: Math.max(0, -f.left), top: Math.max(0, -f.top), right: Math.max(0, f.left + f.width - cur.width), bottom: Math.max(0, f.top + f.height - cur.height) }
  if (pad.left || pad.top || pad.right || pad.bottom) cur = await step(sharp(cur.data, raw(cur)).extend({ ...pad, background: black }))
  const cut = await step(
    sharp(cur.data, raw(cur))
      .extract({ left: f.left + pad.left, top: f.top + pad.top, width: f.width, height: f.height })
      .resize(out.width, out.height, { fit: 'fill', kernel: 'lanczos3' }),
  )
  if (cut.channels === channels) return cut.data
  if (channels === 1) return Buffer.from(Uint8Array.from({ length: cut.width * cut.height }, (_, k) => cut.data[k * cut.channels]))
  throw new Error(`replayGeometry: ${cut.channels} channels out, ${channels} expected`)
}

/** An alpha plane as one 8-bit channel, for sharp. */
export const alphaBytes = (alpha: Float32Array): Buffer => Buffer.from(Uint8Array.from(alpha, (a) => Math.round(Math.max(0, Math.min(1, a)) * 255)))

/** One 8-bit channel back to alpha in [0, 1]. */
export const alphaOf = (bytes: Buffer): Float32Array => Float32Array.from(bytes, (b) => b / 255)

/**
 * Alpha error as the matting literature reports it: SAD, the sum of absolute differences over the frame, in
 * thousands; MSE, the mean squared difference, ×10⁻³. Both at the output's resolution.
 */
export function alphaError(alpha: Float32Array, truth: Float32Array): { sad: number; mse: number } {
  if (alpha.length !== truth.length) throw new Error('alphaError: planes differ in size')
  let sad = 0
  let sq = 0
  for (let k = 0; k < alpha.length; k++) {
    const d = alpha[k] - truth[k]
    sad += Math.abs(d)
    sq += d * d
  }
  return { sad: sad / 1000, mse: (sq / alpha.length) * 1000 }
}

/** Reference alpha below this is background for sure; at or above it the pixel may hold a strand. */
export const REFERENCE_BACKGROUND = 0.02
/** Pixels within this many output pixels of the reference's person are not judged: a strand's anti-aliased tip. */
export const REFERENCE_MARGIN = 2

export interface ReferenceResidue {
  /** Pixels the reference calls background (see REFERENCE_BACKGROUND, REFERENCE_MARGIN). */
  backgroundPixels: number
  /** Of those, pixels more than RESIDUE_LIMITS.tolerance off the spec colour in any channel. */
  residuePixels: number
  /** Their largest 8-connected patch. */
  largestArea: number
  /** Visible by the background check's own limits: a patch over 0.05 % of the frame, or specks over 0.5 % of the background. */
  visible: boolean
}

/**
 * Residue as a reviewer sees it, judged against the reference's background rather than the pipeline's own
 * segmentation (which the pipeline's background check uses, and which cannot see what it missed): every pixel the
 * reference says is wall, well clear of the person, must be the spec colour.
 */
export function residueAgainst(rgb: Uint8Array, width: number, height: number, reference: Float32Array, spec: readonly [number, number, number]): ReferenceResidue {
  const n = width * height
  const person = new Uint8Array(n)
  for (let k = 0; k < n; k++) person[k] = reference[k] >= REFERENCE_BACKGROUND ? 1 : 0
  const near = dilate(person, width, height, REFERENCE_MARGIN)
  const off = new Uint8Array(n)
  let backgroundPixels = 0
  let residuePixels = 0
  for (let k = 0; k < n; k++) {
    if (near[k]) continue
    backgroundPixels++
    const i = k * 3
    if (Math.abs(rgb[i] - spec[0]) > RESIDUE_LIMITS.tolerance || Math.abs(rgb[i + 1] - spec[1]) > RESIDUE_LIMITS.tolerance || Math.abs(rgb[i + 2] - spec[2]) > RESIDUE_LIMITS.tolerance) {
      off[k] = 1
      residuePixels++
    }
  }
  const largestArea = largestComponent(off, width, height)
  const visible = largestArea > largestAllowed(n) || (backgroundPixels > 0 && residuePixels / backgroundPixels > RESIDUE_LIMITS.residueShare)
  return { backgroundPixels, residuePixels, largestArea, visible }
}
