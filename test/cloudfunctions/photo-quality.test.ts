import sharp from 'sharp'
import { normalizePhoto, type Raw } from '../../cloudfunctions/_shared/photo/pipeline'
import { BACKGROUND_HINTS } from '@/domain/photo/checks'
import { backgroundCheck, dilate, measureResidue, RESIDUE_LIMITS } from '@/domain/photo/residue'
import { specById } from '@/domain/photo/specs'
import * as photos from '../support/photos'

/** Issue #18 on the real fixture portraits: what a reviewer sees on the background, and the matte that avoids it. */
const spec = specById('ssc-national')!
const rgb = spec.background.rgb

/** A real patch of the fixture's own wall (a top corner, source pixels), as raw RGB; every pixel of it is off-white. */
async function wallPatch(face: number, side: number, corner: 'left' | 'right'): Promise<Buffer> {
  const { width } = await sharp(photos.fixture(face)).metadata()
  const patch = await sharp(photos.fixture(face)).extract({ left: corner === 'left' ? 0 : width! - side, top: 0, width: side, height: side }).removeAlpha().raw().toBuffer()
  for (let i = 0; i < patch.length; i += 3) expect(Math.max(255 - patch[i], 255 - patch[i + 1], 255 - patch[i + 2])).toBeGreaterThan(RESIDUE_LIMITS.tolerance)
  return patch
}

/**
 * Pastes `patch` into the output's background where the check looks (outside the person and its margin), in a
 * spot touching that margin: scanning from the bottom finds the lowest one (beside a shoulder or the hair's ends),
 * from the top the highest (beside the crown), where the issue saw residue.
 */
function pasteTouching(img: Raw, person: Float32Array, patch: Buffer, side: number, scan: 'bottom' | 'top'): Raw {
  const inside = new Uint8Array(person.length)
  for (let p = 0; p < person.length; p++) inside[p] = person[p] >= 0.5 ? 1 : 0
  const near = dilate(inside, img.width, img.height, RESIDUE_LIMITS.margin)
  const count = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0
    for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) n += near[y * img.width + x]
    return n
  }
  const rows = Array.from({ length: img.height - side + 1 }, (_, k) => (scan === 'top' ? k : img.height - side - k))
  for (const y0 of rows) {
    for (let x0 = 0; x0 + side <= img.width; x0++) {
      if (count(x0, y0, x0 + side, y0 + side) > 0 || count(x0 - 2, y0 - 2, x0 + side + 2, y0 + side + 2) === 0) continue
      const data = Buffer.from(img.data)
      for (let y = 0; y < side; y++) patch.copy(data, ((y0 + y) * img.width + x0) * 3, y * side * 3, (y + 1) * side * 3)
      return { ...img, data }
    }
  }
  throw new Error('no free background beside the person')
}

describe('photo quality on real portraits (issue #18)', () => {
  it.each([1, 2, 3, 4])('passes the background check on the clean composite of fixture face-%i', async (face) => {
    const result = await normalizePhoto(photos.fixture(face), spec, { debug: true })
    expect(result.checks.find((c) => c.id === 'background')).toMatchObject({ passed: true, message: '' })
    expect(result.debug!.residue.largestArea).toBeLessThanOrEqual(20)
  })

  it.each([
    [1, 'at the lowest spot beside the person', 'bottom', 'left'],
    [3, 'at the lowest spot beside the person', 'bottom', 'right'],
    [1, 'beside the crown', 'top', 'left'],
    [4, 'beside the crown', 'top', 'right'],
  ] as const)('fails the background check with the residue hint when a 12×12 patch of face-%i’s real wall is left %s', async (face, _where, scan, corner) => {
    const result = await normalizePhoto(photos.fixture(face), spec, { debug: true })
    const { img, person } = result.debug!
    const side = 12
    const patch = await wallPatch(face, side, corner)
    const pasted = pasteTouching(img, person, patch, side, scan)
    const check = backgroundCheck(measureResidue(pasted, person, rgb), img.width * img.height)
    expect(check).toMatchObject({ id: 'background', passed: false, message: BACKGROUND_HINTS.residue })
    expect(check.measured).toBeGreaterThanOrEqual(side * side * 0.9)
  })

  it.each([2, 4])('the old upscaled-mask composite of face-%i leaves the wall beside the head, and the check fails it', async (face) => {
    const old = await normalizePhoto(photos.fixture(face), spec, { debug: true, matting: 'mask' })
    expect(old.checks.find((c) => c.id === 'background')).toMatchObject({ passed: false, message: BACKGROUND_HINTS.residue })
    const refined = await normalizePhoto(photos.fixture(face), spec, { debug: true })
    expect(refined.checks.find((c) => c.id === 'background')).toMatchObject({ passed: true })
    expect(refined.debug!.residue.largestArea).toBeLessThan(old.debug!.residue.largestArea / 10)
  })
})
