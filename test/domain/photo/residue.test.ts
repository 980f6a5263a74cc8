import { BACKGROUND_HINTS } from '@/domain/photo/checks'
import { backgroundCheck, dilate, edgeUnevenness, largestAllowed, largestComponent, measureResidue, type ResidueMeasure } from '@/domain/photo/residue'

const W = 40
const H = 50
const white = (): Uint8Array => new Uint8Array(W * H * 3).fill(255)
/** A person standing in the middle: a 16-px-wide column from row 10 down. */
const person = (): Float32Array => {
  const p = new Float32Array(W * H)
  for (let y = 10; y < H; y++) for (let x = 12; x < 28; x++) p[y * W + x] = 1
  return p
}
const paint = (data: Uint8Array, x0: number, y0: number, w: number, h: number, v: number) => {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data.fill(v, (y * W + x) * 3, (y * W + x) * 3 + 3)
}
const clean: ResidueMeasure = { backgroundPixels: 1000, residuePixels: 0, largestArea: 0, edgeUnevenness: 0.5, meanDeviation: 0 }

describe('background residue (what a reviewer sees)', () => {
  it('dilates a mask by a square of the given radius', () => {
    const m = new Uint8Array(25)
    m[12] = 1
    expect(Array.from(dilate(m, 5, 5, 1)).filter(Boolean)).toHaveLength(9)
    expect(Array.from(dilate(m, 5, 5, 2)).filter(Boolean)).toHaveLength(25)
  })

  it('finds the largest 8-connected patch', () => {
    const m = new Uint8Array([1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1])
    expect(largestComponent(m, 4, 4)).toBe(5)
  })

  it('counts nothing on a clean composite, and counts a grey patch beside the shoulder as one patch', () => {
    const img = white()
    expect(measureResidue({ data: img, width: W, height: H }, person(), [255, 255, 255])).toMatchObject({ residuePixels: 0, largestArea: 0 })
    paint(img, 2, 30, 5, 6, 200)
    expect(measureResidue({ data: img, width: W, height: H }, person(), [255, 255, 255])).toMatchObject({ residuePixels: 30, largestArea: 30 })
  })

  it('leaves the soft edge within the margin to the person, however it is coloured', () => {
    const img = white()
    paint(img, 8, 20, 4, 10, 120)
    expect(measureResidue({ data: img, width: W, height: H }, person(), [255, 255, 255]).residuePixels).toBe(0)
  })

  it('ignores shading a reviewer does not see (within the tolerance)', () => {
    const img = white()
    paint(img, 0, 0, 10, 10, 240)
    expect(measureResidue({ data: img, width: W, height: H }, person(), [255, 255, 255]).residuePixels).toBe(0)
  })

  it('measures a straight outline as even and a notched one as uneven', () => {
    expect(edgeUnevenness(person(), W, H)).toBe(0)
    const notched = person()
    for (let y = 20; y < H; y += 4) for (let x = 12; x < 20; x++) notched[y * W + x] = 0
    expect(edgeUnevenness(notched, W, H)).toBeGreaterThan(0.5)
  })

  it('passes a clean background and fails a visible patch, scattered specks, a ragged outline and a tinted wall, each with its hint', () => {
    const frame = 358 * 441
    expect(largestAllowed(frame)).toBe(79)
    expect(backgroundCheck(clean, frame)).toMatchObject({ id: 'background', passed: true, measured: 0, message: '', limit: '≤ 79 px 残留' })
    expect(backgroundCheck({ ...clean, residuePixels: 80, largestArea: 80 }, frame)).toMatchObject({ passed: false, measured: 80, message: BACKGROUND_HINTS.residue })
    expect(backgroundCheck({ ...clean, residuePixels: 6, largestArea: 2 }, frame)).toMatchObject({ passed: false, message: BACKGROUND_HINTS.residue })
    expect(backgroundCheck({ ...clean, edgeUnevenness: 4 }, frame)).toMatchObject({ passed: false, message: BACKGROUND_HINTS.ragged })
    expect(backgroundCheck({ ...clean, meanDeviation: 13 }, frame)).toMatchObject({ passed: false, message: '背景不够干净，请在白墙前拍摄' })
    expect(backgroundCheck({ ...clean, residuePixels: 4, largestArea: 4 }, frame).passed).toBe(true)
  })
})
