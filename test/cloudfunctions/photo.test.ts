import sharp from 'sharp'
import { invoke } from '../../cloudfunctions/_shared/handler'
import { photoFunction, rawFolderOf } from '../../cloudfunctions/photo/photo.function'
import type { PhotoDoc } from '../../cloudfunctions/_shared/photo/photo.store'
import type { NormalizeResult } from '@/domain/photo/photo.schema'
import { specById } from '@/domain/photo/specs'
import { ALICE, BOB, makePorts, tempDir, type TestPorts } from '../support/store'
import * as photos from '../support/photos'

/** Photos are normalised by the real pipeline: sharp, face-api on tfjs-wasm, MediaPipe Selfie. */
describe('photo function: normalize', () => {
  let ports: TestPorts
  let cleanup: () => void
  let n = 0

  beforeAll(() => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir)
  })
  afterAll(() => cleanup())

  async function normalize(bytes: Buffer, specId: string) {
    const { fileID } = await ports.files.upload(`${rawFolderOf({ caller: ALICE, config: ports.config })}/test-${++n}.jpg`, bytes)
    const reply = await invoke(photoFunction, { action: 'normalize', data: { fileID, specId } }, ALICE, ports)
    return { reply, fileID }
  }

  const failing = (r: NormalizeResult) => r.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.measured} ${c.unit} (${c.limit})`)

  describe.each([
    ['ssc-national', [1, 3, 4]],
    ['driving-licence', [1, 2, 4]],
  ] as const)('%s', (specId, faces) => {
    const spec = specById(specId)!

    it.each(faces)('turns single-face fixture face-%i into a photo with the exact pixels, DPI and KB range, all checks passing (but the ears hint where its hair covers them)', async (face) => {
      const { reply, fileID } = await normalize(photos.fixture(face), specId)
      expect(reply.ok).toBe(true)
      if (!reply.ok) return
      const result = reply.data as NormalizeResult
      const hints = photos.EARS_COVERED.includes(face) ? ['ears'] : []
      expect(result.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(hints)
      expect(result.blocked).toBe(false)
      expect(result.warnings).toBe(hints.length)

      const stored = await ports.files.download(result.photo!.fileID)
      const meta = await sharp(stored).metadata()
      expect([meta.format, meta.width, meta.height, meta.density]).toEqual(['jpeg', spec.pixels.width, spec.pixels.height, spec.dpi])
      expect(stored.length / 1024).toBeGreaterThanOrEqual(spec.fileKb.min!)
      expect(stored.length / 1024).toBeLessThanOrEqual(spec.fileKb.max!)
      expect(result.photo).toMatchObject({ width: spec.pixels.width, height: spec.pixels.height, dpi: spec.dpi, bytes: stored.length })

      const strip = await sharp(stored).extract({ left: 0, top: 0, width: spec.pixels.width, height: 4 }).png().toBuffer()
      const aboveHead = await sharp(strip).stats()
      expect(aboveHead.channels.slice(0, 3).map((c) => Math.round(c.mean))).toEqual([255, 255, 255])

      await expect(ports.files.download(fileID)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' })
      const doc = await ports.db.collection<PhotoDoc>('photos').get(result.photoId)
      expect(doc).toMatchObject({ openid: ALICE.openid, specId, blocked: false, fileID: result.photo!.fileID })
    })
  })

  it.each([
    ['ssc-national', 2, 'eye-line', 'face-width'],
    ['driving-licence', 3, 'head-width', 'head-height'],
  ])('says plainly when a head cannot meet %s: face-%i has hair too tall for its proportions', async (specId, face, a, b) => {
    const { reply } = await normalize(photos.fixture(face as number), specId as string)
    const result = (reply as { data: NormalizeResult }).data
    const off = result.checks.filter((c) => !c.passed)
    expect(off.length).toBeGreaterThan(0)
    for (const check of off) {
      // face-2's and face-3's hair also covers their ears: a warning beside the head's blocks.
      expect([a, b, 'ears']).toContain(check.id)
      expect(check.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(result.blocked).toBe(true)
  })

  it('reports every check with its measured value, its limit and a Chinese label', async () => {
    const { reply } = await normalize(photos.fixture(1), 'ssc-national')
    const result = (reply as { data: NormalizeResult }).data
    expect(result.checks.map((c) => c.id)).toEqual([
      'one-face', 'resolution', 'head-in-frame', 'head-tilt', 'head-turn', 'face-width', 'hair-top', 'eye-line', 'eye-center', 'brightness', 'contrast', 'background', 'sharpness', 'ears', 'pixels', 'dpi', 'file-size',
    ])
    for (const c of result.checks) {
      expect(c.label).toMatch(/[\u4e00-\u9fa5]/)
      expect(c.limit).not.toBe('')
      expect(typeof c.measured).toBe('number')
    }
    expect(result.checks.find((c) => c.id === 'face-width')).toMatchObject({ limit: '179–255 px', unit: 'px' })
  })

  it('honours EXIF orientation: a portrait saved sideways comes out upright and passing', async () => {
    const { reply } = await normalize(await photos.exifRotatedPhoto(4), 'ssc-national')
    expect(failing((reply as { data: NormalizeResult }).data)).toEqual([])
  })

  it('levels a tilted head before framing it', async () => {
    // face-1 (face-4 tilted by 7° is just under the sharpness limit, 11.4): every check passes but the hint that its hair covers its ears.
    const { reply } = await normalize(await photos.tiltedPhoto(1, 7), 'ssc-national')
    expect(failing((reply as { data: NormalizeResult }).data).map((f) => f.split(':')[0])).toEqual(['ears'])
  })

  it('fails one-face with its message when there is no face, and makes no photo', async () => {
    const { reply } = await normalize(await photos.noFacePhoto(), 'ssc-national')
    const result = (reply as { data: NormalizeResult }).data
    expect(result.photo).toBeUndefined()
    expect(result.blocked).toBe(true)
    expect(result.checks).toEqual([expect.objectContaining({ id: 'one-face', passed: false, measured: 0, message: '没有检测到人脸，请正对镜头、露出完整面部后重拍' })])
  })

  it('fails one-face when several people are in the photo', async () => {
    const { reply } = await normalize(photos.groupPhoto(), 'ssc-national')
    const result = (reply as { data: NormalizeResult }).data
    expect(result.blocked).toBe(true)
    expect(result.checks[0]).toMatchObject({ id: 'one-face', passed: false, message: '照片里有多张人脸，请单人拍摄' })
    expect(result.checks[0].measured).toBeGreaterThan(1)
  })

  it('fails resolution on a tiny photo, with the hint to come closer', async () => {
    const { reply } = await normalize(await photos.tinyPhoto(1), 'ssc-national')
    const result = (reply as { data: NormalizeResult }).data
    expect(result.blocked).toBe(true)
    expect(result.checks.find((c) => c.id === 'resolution')).toMatchObject({ passed: false, message: '脸部像素太少，请靠近镜头或使用更清晰的照片' })
  })

  it('fails head-in-frame when the top of the head is cut off', async () => {
    const cut = await sharp(photos.fixture(3)).extract({ left: 0, top: 260, width: 571, height: 800 }).jpeg().toBuffer()
    const { reply } = await normalize(cut, 'ssc-national')
    const result = (reply as { data: NormalizeResult }).data
    expect(result.checks.find((c) => c.id === 'head-in-frame')).toMatchObject({ passed: false, message: '头顶没有拍全，请把相机稍微抬高，让头顶上方留出空间' })
  })

  it('fails brightness on a dark photo, with the hint to face a window', async () => {
    const { reply } = await normalize(await photos.darkPhoto(1), 'ssc-national')
    const result = (reply as { data: NormalizeResult }).data
    expect(result.blocked).toBe(true)
    const brightness = result.checks.find((c) => c.id === 'brightness')!
    expect(brightness).toMatchObject({ passed: false, message: '照片太暗，请面向窗户或在明亮处拍摄', limit: '90–215 灰度' })
    expect(brightness.measured).toBeLessThan(90)
  })

  it('gives each user an upload folder of their own, and refuses to check another user’s upload', async () => {
    const target = await invoke(photoFunction, { action: 'uploadTarget' }, ALICE, ports)
    expect(target).toMatchObject({ ok: true, data: { cloudPath: expect.stringMatching(/^photos\/raw\/u[0-9a-f]{20}\/[0-9a-f]{32}\.jpg$/) } })
    const bobs = (await invoke(photoFunction, { action: 'uploadTarget' }, BOB, ports)) as { data: { cloudPath: string } }
    expect(bobs.data.cloudPath.split('/')[2]).not.toBe((target as { data: { cloudPath: string } }).data.cloudPath.split('/')[2])
    const { fileID } = await ports.files.upload((target as { data: { cloudPath: string } }).data.cloudPath, photos.fixture(1))
    const before = await ports.db.dump()
    const stolen = await invoke(photoFunction, { action: 'normalize', data: { fileID, specId: 'ssc-national' } }, BOB, ports)
    expect(stolen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能检测您自己上传的照片' } })
    expect(await ports.db.dump()).toEqual(before)
    expect(await ports.files.download(fileID)).toEqual(photos.fixture(1))
  })

  it('refuses an unknown spec and a missing file with coded errors, writing nothing', async () => {
    const before = await ports.db.dump()
    const bad = await invoke(photoFunction, { action: 'normalize', data: { fileID: `cloud://local.huizhi/${rawFolderOf({ caller: ALICE, config: ports.config })}/x.jpg`, specId: 'passport-of-mars' } }, ALICE, ports)
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '不支持的证件规格' } })
    const missing = await invoke(photoFunction, { action: 'normalize', data: { fileID: `cloud://local.huizhi/${rawFolderOf({ caller: ALICE, config: ports.config })}/none.jpg`, specId: 'ssc-national' } }, ALICE, ports)
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } })
    expect(await ports.db.dump()).toEqual(before)
  })

  describe('hostile files are refused with their own code, and nothing is kept', () => {
    it.each([
      ['a decompression bomb (PNG declaring 30000×30000)', () => photos.decompressionBomb(), 'PHOTO_TOO_MANY_PIXELS'],
      ['a truncated JPEG', () => photos.truncatedJpeg(), 'PHOTO_TRUNCATED'],
      ['a text file named .jpg', () => photos.textAsJpeg(), 'PHOTO_NOT_IMAGE'],
      ['an SVG with a script', () => photos.svgWithScript(), 'PHOTO_NOT_IMAGE'],
      ['an 11 MB file', () => photos.elevenMegabytes(), 'PHOTO_TOO_LARGE'],
    ])('%s', async (_name, make, code) => {
      const before = await ports.db.dump()
      const { reply, fileID } = await normalize(make(), 'ssc-national')
      expect(reply).toMatchObject({ ok: false, error: { code } })
      expect(await ports.db.dump()).toEqual(before)
      await expect(ports.files.download(fileID)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' })
    })
  })
})
