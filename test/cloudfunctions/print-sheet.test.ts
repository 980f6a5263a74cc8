import { invoke } from '../../cloudfunctions/_shared/handler'
import { photoFunction, rawFolderOf } from '../../cloudfunctions/photo/photo.function'
import { applyRetention } from '../../cloudfunctions/_shared/privacy/retention'
import type { PhotoDoc } from '../../cloudfunctions/_shared/photo/photo.store'
import type { NormalizeResult, PrintSheetResult } from '@/domain/photo/photo.schema'
import { pxToMm } from '@/domain/photo/print-layout'
import { ALICE, BOB, makePorts, tempDir, type TestPorts } from '../support/store'
import { jpegFacts, meanRgb } from '../support/jpeg-file'
import * as photos from '../support/photos'
import * as jpegJs from 'jpeg-js'
import sharp from 'sharp'
import { PADDING_NOTE } from '@/domain/photo/jpeg-padding'

/** Print sheets (排版照) rendered with sharp from a photo the real pipeline normalised. */
describe('photo function: the electronic photo (file) and print sheets (printSheet)', () => {
  let ports: TestPorts
  let cleanup: () => void
  let photoId: string

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    ports = makePorts(t.dir)
    const { fileID } = await ports.files.upload(`${rawFolderOf({ caller: ALICE, config: ports.config })}/sheet.jpg`, photos.fixture(1))
    const reply = await invoke(photoFunction, { action: 'normalize', data: { fileID, specId: 'id-card' } }, ALICE, ports)
    if (!reply.ok) throw new Error(JSON.stringify(reply.error))
    photoId = (reply.data as NormalizeResult).photoId
  }, 60_000)
  afterAll(() => cleanup())

  const sheet = async (data: object, caller = ALICE) => invoke(photoFunction, { action: 'printSheet', data }, caller, ports)
  const sheetOf = async (data: object) => {
    const reply = await sheet(data)
    if (!reply.ok) throw new Error(JSON.stringify(reply.error))
    const result = reply.data as PrintSheetResult
    const doc = await ports.db.collection<PhotoDoc>('photos').get(photoId)
    const fileID = doc!.sheetFileIDs!.find((f) => f.endsWith(`${photoId}-${result.sheet}-${(data as { layout?: string }).layout ?? 'spec'}.jpg`))!
    return { result, bytes: await ports.files.download(fileID) }
  }

  it("answers the electronic photo of the caller's own photo with its pixels, DPI and bytes, and refuses another user's", async () => {
    const reply = await invoke(photoFunction, { action: 'file', data: { photoId } }, ALICE, ports)
    expect(reply.ok).toBe(true)
    const file = (reply as { data: { url: string; width: number; height: number; dpi: number; bytes: number } }).data
    const doc = (await ports.db.collection<PhotoDoc>('photos').get(photoId))!
    const stored = await ports.files.download(doc.fileID!)
    expect(file).toMatchObject({ specId: 'id-card', width: 358, height: 441, dpi: 350, bytes: stored.length })
    expect(file.url).toMatch(/^https?:\/\//)
    expect(await invoke(photoFunction, { action: 'file', data: { photoId } }, BOB, ports)).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_FOUND' } })
  })

  it('makes a 出入境 photo on the light blue the user chose, and refuses a background its spec does not allow', async () => {
    const upload = async (n: string) => (await ports.files.upload(`${rawFolderOf({ caller: ALICE, config: ports.config })}/${n}.jpg`, photos.fixture(1))).fileID
    const reply = await invoke(photoFunction, { action: 'normalize', data: { fileID: await upload('blue'), specId: 'exit-entry', background: '淡蓝色' } }, ALICE, ports)
    if (!reply.ok) throw new Error(JSON.stringify(reply.error))
    const result = reply.data as NormalizeResult
    expect(result.blocked).toBe(false)
    const stored = await ports.files.download(result.photo!.fileID)
    const facts = await jpegFacts(stored)
    expect([facts.width, facts.height, facts.exifDpi]).toEqual([354, 472, 300])
    const top = await meanRgb(stored, { left: 0, top: 0, width: 354, height: 4 })
    top.forEach((v, i) => expect(Math.abs(v - [200, 225, 245][i])).toBeLessThanOrEqual(3))
    expect((await ports.db.collection<PhotoDoc>('photos').get(result.photoId))!.background).toBe('淡蓝色')
    const red = await invoke(photoFunction, { action: 'normalize', data: { fileID: await upload('red'), specId: 'id-card', background: '淡蓝色' } }, ALICE, ports)
    expect(red).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '这个规格不能使用所选的背景颜色' } })
  }, 60_000)

  it('makes a 国家公务员考试 photo on its blue background (413×579, 30–100 KB), and refuses an exam the catalogue does not have', async () => {
    const upload = async (n: string) => (await ports.files.upload(`${rawFolderOf({ caller: ALICE, config: ports.config })}/${n}.jpg`, photos.fixture(1))).fileID
    const reply = await invoke(photoFunction, { action: 'normalize', data: { fileID: await upload('gwy'), specId: 'exam-civil-service' } }, ALICE, ports)
    if (!reply.ok) throw new Error(JSON.stringify(reply.error))
    const result = reply.data as NormalizeResult
    expect(result.blocked).toBe(false)
    const stored = await ports.files.download(result.photo!.fileID)
    const facts = await jpegFacts(stored)
    expect([facts.width, facts.height, facts.exifDpi]).toEqual([413, 579, 300])
    expect(facts.kb).toBeGreaterThanOrEqual(30)
    expect(facts.kb).toBeLessThanOrEqual(100)
    const top = await meanRgb(stored, { left: 0, top: 0, width: 413, height: 4 })
    top.forEach((v, i) => expect(Math.abs(v - [67, 142, 219][i])).toBeLessThanOrEqual(3))
    const sheet = await invoke(photoFunction, { action: 'printSheet', data: { photoId: result.photoId, sheet: '6in' } }, ALICE, ports)
    expect(sheet.ok).toBe(true)
    expect(await invoke(photoFunction, { action: 'normalize', data: { fileID: await upload('unknown'), specId: 'exam-unknown' } }, ALICE, ports)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  }, 60_000)

  /**
   * The exam photos whose KB minimum is above what 4:2:0 JPEG of their pixels holds (decision 016): face-3 is the
   * fixture whose photos come out smallest, so 英语四六级 and 计算机等级 go all the way to comment padding.
   */
  it.each([
    ['exam-teacher', 1, [300, 400], 300, [50, 190], [255, 255, 255], false],
    ['exam-cet', 3, [144, 192], 111, [30, 40], [200, 225, 245], true],
    ['exam-ncre', 3, [144, 192], 111, [20, 200], [200, 225, 245], false],
    ['exam-chsi', 3, [480, 640], 300, [100, 2048], [200, 225, 245], false],
  ] as const)('makes %s from face-%i: exact pixels and DPI, a file inside its KB range, 4:4:4 chroma, its background; padded only when 4:4:4 at quality 100 falls short', async (specId, face, px, dpi, kb, rgb, padded) => {
    const { fileID } = await ports.files.upload(`${rawFolderOf({ caller: ALICE, config: ports.config })}/${specId}.jpg`, photos.fixture(face))
    const reply = await invoke(photoFunction, { action: 'normalize', data: { fileID, specId } }, ALICE, ports)
    if (!reply.ok) throw new Error(JSON.stringify(reply.error))
    const result = reply.data as NormalizeResult
    expect(result.checks.find((c) => c.id === 'file-size')?.passed).toBe(true)
    const stored = await ports.files.download(result.photo!.fileID)
    const facts = await jpegFacts(stored)
    expect([facts.width, facts.height, facts.exifDpi, facts.dpi]).toEqual([...px, dpi, dpi])
    expect(facts.kb).toBeGreaterThanOrEqual(kb[0])
    expect(facts.kb).toBeLessThanOrEqual(kb[1])
    const top = await meanRgb(stored, { left: 0, top: 0, width: px[0], height: 3 })
    top.forEach((v, i) => expect(Math.abs(v - rgb[i])).toBeLessThanOrEqual(3))
    expect(stored.includes(Buffer.from(PADDING_NOTE, 'latin1'))).toBe(padded)
    expect((await sharp(stored).metadata()).chromaSubsampling).toBe('4:4:4')
    const decoded = jpegJs.decode(stored)
    expect([decoded.width, decoded.height]).toEqual([...px])
  }, 60_000)

  it('makes a custom size (400×500 px, 300 DPI, 20–80 KB, light grey) and refuses one it cannot make', async () => {
    const upload = async (n: string) => (await ports.files.upload(`${rawFolderOf({ caller: ALICE, config: ports.config })}/${n}.jpg`, photos.fixture(1))).fileID
    const reply = await invoke(photoFunction, { action: 'normalize', data: { fileID: await upload('custom'), specId: 'custom-400x500-300dpi-20-80kb-浅灰色' } }, ALICE, ports)
    if (!reply.ok) throw new Error(JSON.stringify(reply.error))
    const result = reply.data as NormalizeResult
    expect(result.blocked).toBe(false)
    const stored = await ports.files.download(result.photo!.fileID)
    const facts = await jpegFacts(stored)
    expect([facts.width, facts.height, facts.exifDpi]).toEqual([400, 500, 300])
    expect(facts.kb).toBeGreaterThanOrEqual(20)
    expect(facts.kb).toBeLessThanOrEqual(80)
    const top = await meanRgb(stored, { left: 0, top: 0, width: 400, height: 4 })
    top.forEach((v) => expect(Math.abs(v - 225)).toBeLessThanOrEqual(3))
    expect(await invoke(photoFunction, { action: 'normalize', data: { fileID: await upload('bad'), specId: 'custom-50x50-300dpi-20-80kb-白色' } }, ALICE, ports)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  }, 60_000)

  it('renders a 6-inch sheet at 300 DPI (1200×1800, 300 DPI in its EXIF resolution) with 26×32 mm copies of the photo', async () => {
    const { result, bytes } = await sheetOf({ photoId, sheet: '6in' })
    const facts = await jpegFacts(bytes)
    expect([facts.width, facts.height].sort((a, b) => a - b)).toEqual([1200, 1800])
    expect([facts.width, facts.height]).toEqual([result.width, result.height])
    expect(facts.exifDpi).toBe(300)
    expect(facts.dpi).toBe(300)
    expect(result.copies.length).toBe(12)
    for (const c of result.copies) {
      expect(Math.abs(pxToMm(c.width, facts.dpi) - 26)).toBeLessThan(0.1)
      expect(Math.abs(pxToMm(c.height, facts.dpi) - 32)).toBeLessThan(0.1)
    }
  })

  it('puts the photo in each copy and a grey cut guide around it, on white paper', async () => {
    const { result, bytes } = await sheetOf({ photoId, sheet: '5in' })
    for (const c of result.copies) {
      // The copy's top strip is the photo's white background; its middle is the face, not paper.
      const middle = await meanRgb(bytes, { left: c.x + Math.floor(c.width / 3), top: c.y + Math.floor(c.height / 3), width: Math.floor(c.width / 3), height: Math.floor(c.height / 3) })
      expect(Math.min(...middle)).toBeLessThan(230)
      const guide = await meanRgb(bytes, { left: c.x + 10, top: c.y - 1, width: c.width - 20, height: 1 })
      const gap = await meanRgb(bytes, { left: c.x + 10, top: c.y - 8, width: c.width - 20, height: 1 })
      for (const v of guide) expect(v).toBeLessThan(235)
      for (const v of gap) expect(v).toBeGreaterThan(245)
    }
    const corner = await meanRgb(bytes, { left: 0, top: 0, width: 10, height: 10 })
    expect(corner).toEqual([255, 255, 255])
  })

  it('mixes 二寸 (35×49 mm) and 一寸 (25×35 mm) copies on one sheet, each at its printed size', async () => {
    const { result, bytes } = await sheetOf({ photoId, sheet: '6in', layout: 'mixed' })
    const facts = await jpegFacts(bytes)
    const mm = (key: string) => result.copies.filter((c) => c.key === key).map((c) => [pxToMm(c.width, facts.dpi), pxToMm(c.height, facts.dpi)])
    expect(mm('two-inch').length).toBeGreaterThanOrEqual(2)
    expect(mm('one-inch').length).toBeGreaterThanOrEqual(4)
    for (const [w, h] of mm('two-inch')) expect([Math.abs(w - 35) < 0.1, Math.abs(h - 49) < 0.1]).toEqual([true, true])
    for (const [w, h] of mm('one-inch')) expect([Math.abs(w - 25) < 0.1, Math.abs(h - 35) < 0.1]).toEqual([true, true])
  })

  it("refuses another user's photo as if it did not exist (PHOTO_NOT_FOUND), and writes nothing", async () => {
    const before = (await ports.db.collection<PhotoDoc>('photos').get(photoId))!.sheetFileIDs ?? []
    const reply = await sheet({ photoId, sheet: 'a4' }, BOB)
    expect(reply).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_FOUND' } })
    expect((await sheet({ photoId: 'ph_000000000000000000000000', sheet: 'a4' }, BOB)).ok).toBe(false)
    expect((await ports.db.collection<PhotoDoc>('photos').get(photoId))!.sheetFileIDs ?? []).toEqual(before)
  })

  it('refuses a photo that failed its checks (PHOTO_NOT_PRINTABLE) and an unknown sheet (VALIDATION_FAILED)', async () => {
    await ports.db.collection<PhotoDoc>('photos').add({ _id: 'ph_bbbbbbbbbbbbbbbbbbbbbbbb', openid: ALICE.openid, specId: 'id-card', specVersion: 2, checks: [], statusText: '未通过检测，需重拍', blocked: true, warnings: 0, createdAt: new Date().toISOString() })
    expect(await sheet({ photoId: 'ph_bbbbbbbbbbbbbbbbbbbbbbbb', sheet: '6in' })).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_PRINTABLE' } })
    expect(await sheet({ photoId, sheet: '8in' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('deletes the print sheets with their photo when the photo is kept unordered past its retention period (last: it sweeps every photo here)', async () => {
    const doc = (await ports.db.collection<PhotoDoc>('photos').get(photoId))!
    expect(doc.sheetFileIDs!.length).toBeGreaterThanOrEqual(2)
    for (const f of doc.sheetFileIDs!) await expect(ports.files.download(f)).resolves.toBeInstanceOf(Buffer)
    ports.setNow(new Date(ports.clock.now().getTime() + 8 * 24 * 3600_000).toISOString())
    expect((await applyRetention(ports)).unorderedPhotos).toBeGreaterThanOrEqual(1)
    for (const f of doc.sheetFileIDs!) await expect(ports.files.download(f)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' })
    expect(await ports.db.collection<PhotoDoc>('photos').get(photoId)).toBeNull()
  })
})
