import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { CHECK_IDS } from '@/domain/photo/checks'

/**
 * The labelled portraits of `npm run eval:photo` (issue #18, bench/eval/portraits.json, described in
 * bench/eval/README.md): the manifest must point at real pixels and speak the pipeline's check ids, or the eval
 * measures nothing.
 */
const root = path.resolve(__dirname, '..', '..', '..')

interface Portrait {
  id: string
  source: string
  crop: { left: number; top: number; width: number; height: number }
  orientation: number
  labels: Record<string, string | boolean>
  expect: Record<string, string>
  note: string
}

const portraits = JSON.parse(readFileSync(path.join(root, 'bench/eval/portraits.json'), 'utf8')) as Portrait[]
const sourceFile = (p: Portrait) => path.join(root, 'node_modules', p.source)

const LABELS: Record<string, readonly (string | boolean)[]> = {
  sex: ['f', 'm'],
  ageBand: ['0-6', '6-20', '20-35', '35-50', '50-65', '65+'],
  skin: ['light', 'medium', 'dark'],
  hairLength: ['none', 'short', 'shoulder', 'long'],
  hairColour: ['black', 'brown', 'blonde', 'red', 'grey'],
  hairUp: [true, false],
  glasses: [true, false],
  fringeOverEyebrows: [true, false],
  hairOverEars: [true, false],
  headwear: ['none', 'bow', 'hat', 'headband'],
  earrings: ['yes', 'no', 'unseen'],
  necklace: ['yes', 'no', 'unseen'],
  headTurned: [true, false],
  headTilted: [true, false],
  busyBackground: [true, false],
  neighbourInCrop: [true, false],
}

describe('the eval:photo portrait manifest', () => {
  it('holds about twenty portraits, each with its own id', () => {
    expect(portraits.length).toBeGreaterThanOrEqual(18)
    const ids = portraits.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('takes every photo from a file installed in node_modules', () => {
    expect(portraits.filter((p) => !existsSync(sourceFile(p))).map((p) => p.source)).toEqual([])
  })

  it('cuts every crop inside its source image, portrait-shaped (3:4 to 1:2)', async () => {
    const sizes = new Map<string, { width: number; height: number }>()
    for (const p of new Set(portraits.map((q) => q.source))) {
      const meta = await sharp(path.join(root, 'node_modules', p)).metadata()
      sizes.set(p, { width: meta.width ?? 0, height: meta.height ?? 0 })
    }
    const outside = portraits.filter((p) => {
      const { left, top, width, height } = p.crop
      const size = sizes.get(p.source)!
      return [left, top, width, height].some((n) => !Number.isInteger(n)) || left < 0 || top < 0 || width <= 0 || height <= 0 || left + width > size.width || top + height > size.height
    })
    expect(outside.map((p) => p.id)).toEqual([])
    const misshapen = portraits.filter((p) => p.crop.width / p.crop.height < 0.5 || p.crop.width / p.crop.height > 0.76)
    expect(misshapen.map((p) => p.id)).toEqual([])
  })

  it('simulates only the EXIF orientations a phone writes (1, 3, 6, 8), and 6, a phone held upright, for at least a quarter', () => {
    expect(portraits.filter((p) => ![1, 3, 6, 8].includes(p.orientation)).map((p) => p.id)).toEqual([])
    expect(portraits.filter((p) => p.orientation === 6).length).toBeGreaterThanOrEqual(Math.floor(portraits.length / 4))
  })

  it('expects pass or fail of real check ids only', () => {
    const checks: readonly string[] = CHECK_IDS
    const wrong = portraits.flatMap((p) => Object.entries(p.expect).filter(([id, v]) => !checks.includes(id) || (v !== 'pass' && v !== 'fail')).map(([id, v]) => `${p.id}: ${id}=${v}`))
    expect(wrong).toEqual([])
  })

  it('labels every portrait with every attribute, from the listed values, and says in a note what a reviewer would', () => {
    const wrong = portraits.flatMap((p) => [
      ...Object.keys(LABELS).filter((k) => !LABELS[k].includes(p.labels[k])).map((k) => `${p.id}: ${k}=${String(p.labels[k])}`),
      ...Object.keys(p.labels).filter((k) => !(k in LABELS)).map((k) => `${p.id}: unknown label ${k}`),
      ...(p.note.trim().length < 20 ? [`${p.id}: no note`] : []),
    ])
    expect(wrong).toEqual([])
  })

  it('agrees with its own labels: a fringe fails eyebrows, no glasses means no glare, a neighbour’s face fails one-face', () => {
    const wrong = portraits.filter(
      (p) =>
        (p.labels.fringeOverEyebrows === true) !== (p.expect.eyebrows === 'fail') ||
        (p.labels.glasses === false && p.expect.glare === 'fail') ||
        (p.labels.neighbourInCrop === true) !== (p.expect['one-face'] === 'fail'),
    )
    expect(wrong.map((p) => p.id)).toEqual([])
  })

  it('judges every portrait on both pose checks, and agrees with its pose labels: a turned head fails head-turn, a head that fails head-tilt leans', () => {
    expect(portraits.filter((p) => !p.expect['head-tilt'] || !p.expect['head-turn']).map((p) => p.id)).toEqual([])
    const wrong = portraits.filter((p) => (p.labels.headTurned === true && p.expect['head-turn'] !== 'fail') || (p.expect['head-tilt'] === 'fail' && p.labels.headTilted !== true))
    expect(wrong.map((p) => p.id)).toEqual([])
  })
})
