import sharp from 'sharp'
import { compositeOnto, referenceMatte, rvmBackend } from '../../bench/eval/rvm'
import { fixture } from '../support/photos'

/**
 * The eval's reference matte (bench/eval/rvm.ts, decision 019) on a real portrait. face-1's face, as the tiny face
 * detector finds it, spans x 0.30–0.77 and y 0.32–0.53 of the frame; the region checked is well inside it.
 */
const FACE = { x0: 0.45, x1: 0.62, y0: 0.36, y1: 0.48 }
const CORNER = 40

function region(alpha: Float32Array, width: number, x0: number, y0: number, x1: number, y1: number): number[] {
  const values: number[] = []
  for (let y = Math.round(y0); y < Math.round(y1); y++) for (let x = Math.round(x0); x < Math.round(x1); x++) values.push(alpha[y * width + x])
  return values
}

describe('referenceMatte (RVM) on face-1', () => {
  let width = 0
  let height = 0
  let matte: Awaited<ReturnType<typeof referenceMatte>>

  beforeAll(async () => {
    const { data, info } = await sharp(fixture(1)).removeAlpha().raw().toBuffer({ resolveWithObject: true })
    width = info.width
    height = info.height
    await referenceMatte({ data: data.subarray(0, 64 * 64 * 3), width: 64, height: 64 })
    const started = performance.now()
    matte = await referenceMatte({ data, width, height })
    const ms = performance.now() - started
    const mp = (width * height) / 1e6
    console.log(`RVM reference matte on ${rvmBackend()}: ${width}×${height} (${mp.toFixed(2)} MP) in ${Math.round(ms)} ms = ${Math.round(ms / mp)} ms/MP`)
  })

  it('returns alpha and foreground at the input’s full size', () => {
    expect(matte.alpha).toHaveLength(width * height)
    expect(matte.foreground).toHaveLength(width * height * 3)
    expect(matte.alpha.every((a) => a >= 0 && a <= 1)).toBe(true)
  })

  it('calls the face the person (alpha ≥ 0.95 across its centre)', () => {
    const face = region(matte.alpha, width, FACE.x0 * width, FACE.y0 * height, FACE.x1 * width, FACE.y1 * height)
    expect(face.length).toBeGreaterThan(10_000)
    expect(face.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(0.95)
  })

  it('calls both top corners background (alpha ≤ 0.05)', () => {
    const left = region(matte.alpha, width, 0, 0, CORNER, CORNER)
    const right = region(matte.alpha, width, width - CORNER, 0, width, CORNER)
    expect([...left, ...right].reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(0.05)
  })
})

describe('compositeOnto', () => {
  const width = 3
  const height = 2
  const fg = Buffer.from(Array.from({ length: width * height * 3 }, (_, k) => (k * 37) % 256))
  const bg = Buffer.from(Array.from({ length: width * height * 3 }, (_, k) => 255 - ((k * 53) % 256)))

  it('returns the foreground exactly where alpha is 1 and the background exactly where it is 0', () => {
    expect(compositeOnto(fg, new Float32Array(width * height).fill(1), bg, width, height)).toEqual(fg)
    expect(compositeOnto(fg, new Float32Array(width * height).fill(0), bg, width, height)).toEqual(bg)
  })

  it('mixes alpha·fg + (1 − alpha)·bg, rounded', () => {
    const out = compositeOnto(Buffer.from([200, 0, 101, 0, 0, 0]), Float32Array.from([0.25, 0]), Buffer.from([0, 100, 0, 9, 8, 7]), 2, 1)
    expect([...out]).toEqual([50, 75, 25, 9, 8, 7])
  })
})
