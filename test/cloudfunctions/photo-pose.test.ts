import { normalizePhoto } from '../../cloudfunctions/_shared/photo/pipeline'
import { CHECK_COPY, type CheckResult } from '@/domain/photo/checks'
import { POSE_LIMITS } from '@/domain/photo/pose'
import { specById } from '@/domain/photo/specs'
import * as photos from '../support/photos'

/**
 * Issue #18, head pose on real photos: the pipeline levels a small tilt silently, and says so when a head leans too
 * far to level or is turned away from the camera (src/domain/photo/pose.ts, limits from bench/eval/pose-table.ts).
 */
const spec = specById('id-card')!
const pose = (checks: CheckResult[]) => checks.filter((c) => c.id === 'head-tilt' || c.id === 'head-turn')

describe('head pose on real portraits (issue #18)', () => {
  it.each([1, 2, 3, 4])('passes both pose checks on fixture face-%i', async (n) => {
    const result = await normalizePhoto(photos.fixture(n), spec)
    expect(pose(result.checks)).toEqual([expect.objectContaining({ id: 'head-tilt', passed: true, severity: 'block' }), expect.objectContaining({ id: 'head-turn', passed: true, severity: 'block' })])
  })

  it.each([1, 2, 3, 4])('levels fixture face-%i turned 7° in the plane and passes head-tilt, measuring the added roll', async (n) => {
    const upright = await normalizePhoto(photos.fixture(n), spec)
    const tilted = await normalizePhoto(await photos.tiltedPhoto(n, 7), spec)
    expect(tilted.pose!.roll - upright.pose!.roll).toBeGreaterThan(5.5)
    expect(tilted.pose!.roll - upright.pose!.roll).toBeLessThan(8.5)
    expect(pose(tilted.checks).every((c) => c.passed)).toBe(true)
  })

  it('blocks s1-p3, a head leaning 45°, on head-tilt with the tilt hint, and still returns every check and the photo', async () => {
    const result = await normalizePhoto(await photos.evalPortrait('s1-p3'), spec)
    const tilt = result.checks.find((c) => c.id === 'head-tilt')!
    expect(tilt).toMatchObject({ passed: false, severity: 'block', unit: '度', message: CHECK_COPY['head-tilt'].high })
    expect(tilt.measured).toBeGreaterThan(POSE_LIMITS.rollMax + 10)
    expect(result.checks.find((c) => c.id === 'head-turn')).toMatchObject({ passed: true })
    expect(result.blocked).toBe(true)
    expect(result.output).toBeDefined()
    expect(result.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['one-face', 'head-in-frame', 'face-width', 'brightness', 'file-size']))
  })

  it.each(['s1-p1', 's4-p1', 's5-p2', 's5-p5'])('blocks %s, a head turned to three-quarter view, on head-turn with the turn hint', async (id) => {
    const result = await normalizePhoto(await photos.evalPortrait(id), spec)
    expect(result.checks.find((c) => c.id === 'head-turn')).toMatchObject({ passed: false, severity: 'block', message: CHECK_COPY['head-turn'].high })
    expect(result.blocked).toBe(true)
  })

  it.each(['s3-p1', 's5-p1', 's6-p1', 's6-p4'])('passes %s, a face turned at most a little, on both pose checks', async (id) => {
    const result = await normalizePhoto(await photos.evalPortrait(id), spec)
    expect(pose(result.checks).every((c) => c.passed)).toBe(true)
  })
})
