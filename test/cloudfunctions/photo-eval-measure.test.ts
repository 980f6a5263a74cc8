import sharp from 'sharp'
import { normalizePhoto } from '../../cloudfunctions/_shared/photo/pipeline'
import { specById } from '@/domain/photo/specs'
import { alphaBytes, alphaError, alphaOf, replayGeometry, residueAgainst } from '../../bench/eval/measure'
import * as photos from '../support/photos'

/** The measures of `npm run eval:photo` (issue #18): they must line up with the pipeline and count what they say. */
const spec = specById('ssc-shenzhen')!

describe('eval:photo measures', () => {
  it('replays the pipeline’s cut: the upright input taken through the geometry is the frame the pipeline composited on', async () => {
    // A tilted phone photo: EXIF orientation 6 and a 7° roll, so every step of the geometry is exercised.
    const tilted = await photos.tiltedPhoto(2, 7)
    const upright = await sharp(tilted).removeAlpha().raw().toBuffer({ resolveWithObject: true })
    const asPhone = await sharp(tilted).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer()
    const res = await normalizePhoto(asPhone, spec, { debug: true })
    const d = res.debug!
    expect(Math.abs(d.geometry.roll)).toBeGreaterThan(3)
    const meanDiff = async (geometry: typeof d.geometry) => {
      const replayed = await replayGeometry(upright.data, upright.info.width, upright.info.height, 3, geometry, d.img)
      let diff = 0
      for (let i = 0; i < replayed.length; i++) diff += Math.abs(replayed[i] - d.source[i])
      return diff / replayed.length
    }
    // Only the JPEG re-encoding of the phone copy differs (measured 0.7 levels of 255)…
    expect(await meanDiff(d.geometry)).toBeLessThan(2)
    // …while the frame moved by 3 px, or the roll left out, is far off (measured 9.9 and 53).
    expect(await meanDiff({ ...d.geometry, frame: { ...d.geometry.frame, left: d.geometry.frame.left + 3 } })).toBeGreaterThan(5)
    expect(await meanDiff({ ...d.geometry, roll: 0 })).toBeGreaterThan(20)
    // One channel (an alpha plane) comes out as one channel of the output's size, through the same steps.
    const luma = Buffer.from(Uint8Array.from({ length: upright.info.width * upright.info.height }, (_, k) => upright.data[k * 3 + 1]))
    const plane = await replayGeometry(luma, upright.info.width, upright.info.height, 1, d.geometry, d.img)
    expect(plane.length).toBe(d.img.width * d.img.height)
    let off = 0
    for (let k = 0; k < plane.length; k++) off += Math.abs(plane[k] - d.source[k * 3 + 1])
    expect(off / plane.length).toBeLessThan(2)
  })

  it('reports alpha error as SAD in thousands and MSE ×10⁻³', () => {
    const truth = new Float32Array(4000).fill(1)
    const alpha = new Float32Array(4000).fill(1)
    alpha.fill(0.5, 0, 2000)
    expect(alphaError(alpha, truth)).toEqual({ sad: 1, mse: 125 })
    expect(alphaError(truth, truth)).toEqual({ sad: 0, mse: 0 })
    expect(alphaOf(alphaBytes(Float32Array.from([0, 0.5, 1, 2])))).toEqual(Float32Array.from([0, 128 / 255, 1, 1]))
  })

  it('counts residue where the reference sees wall, not next to the person, and calls a 10×10 patch visible', () => {
    const w = 100
    const h = 120
    const white: [number, number, number] = [255, 255, 255]
    const rgb = new Uint8Array(w * h * 3).fill(255)
    const reference = new Float32Array(w * h)
    for (let y = 40; y < h; y++) for (let x = 30; x < 70; x++) reference[y * w + x] = 1
    // Grey right beside the person (inside the 2 px margin) is a strand's tip, not residue.
    for (let y = 40; y < h; y++) for (let x = 28; x < 30; x++) rgb.fill(128, (y * w + x) * 3, (y * w + x) * 3 + 3)
    expect(residueAgainst(rgb, w, h, reference, white)).toMatchObject({ residuePixels: 0, largestArea: 0, visible: false })
    for (let y = 5; y < 15; y++) for (let x = 5; x < 15; x++) rgb.fill(200, (y * w + x) * 3, (y * w + x) * 3 + 3)
    const seen = residueAgainst(rgb, w, h, reference, white)
    expect(seen).toMatchObject({ residuePixels: 100, largestArea: 100, visible: true })
  })
})
