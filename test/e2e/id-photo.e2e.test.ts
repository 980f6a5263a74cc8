import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { fitLongSide } from '@/domain/photo/upload-plan'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler'
import { FUNCTIONS } from '../../emulator/functions'
import { FAKE_CAMERA_FLAGS, launchBrowser } from '../support/browser'
import type { Emulator } from '../support/emulator'
import { agree, collectErrors, open, PHONE, shotsDir, startE2E, type E2E } from '../support/e2e'
import { recordingRawUploads, withBackgroundWarning, withObstructionWarnings, type RawUpload } from '../support/photo-function-doubles'
import { evalPortrait, exifRotatedPhoto, noFacePhoto } from '../support/photos'
import { CHECK_COPY } from '@/domain/photo/checks'

const root = path.resolve(__dirname, '../..')
/** face-4: hair pulled back, ears bare, so its photo earns no hint at all (face-1's curls cover its ears). */
const facePhoto = path.join(root, 'test', 'fixtures', 'photos', 'face-4.jpg')
/** face-1: blonde curls over the ears, which the real pipeline warns of (test/cloudfunctions/photo-quality.test.ts). */
const curlsOverEars = path.join(root, 'test', 'fixtures', 'photos', 'face-1.jpg')
/** 1920×1280, 240 dpi, from a camera: bigger than the upload limit. */
const largePhoto = path.join(root, 'node_modules', '@vladmandic', 'face-api', 'demo', 'sample1.jpg')

describe('ID photo: choice, camera or album, and the checked preview, in Chromium against the real photo function', () => {
  let e2e: E2E
  let cameraBrowser: Browser
  let em: Emulator
  let page: Page
  const errors: string[] = []
  /** The emulator reads this object on every call, so a test can take the photo function away or wrap it. */
  const functions: Record<string, FunctionDef> = { ...FUNCTIONS }
  const uploads: RawUpload[] = []
  const realPhoto = recordingRawUploads(FUNCTIONS.photo, uploads)

  /** Waits out the page-slide animation, then saves the whole page (Taro scrolls inside .taro_page, so the viewport grows to fit). */
  const shot = async (name: string) => {
    await page.waitForTimeout(600)
    const viewport = page.viewportSize()!
    const height = await page.evaluate(() => Math.max(window.innerHeight, ...Array.from(document.querySelectorAll<HTMLElement>('.taro_page_show'), (e) => e.scrollHeight)))
    await page.setViewportSize({ width: viewport.width, height })
    await page.screenshot({ path: path.join(shotsDir, `e2e-${name}.png`), fullPage: true })
    await page.setViewportSize(viewport)
  }
  const text = (testId: string) => page.getByTestId(testId).first().innerText()
  const isDisabled = async (testId: string) => ((await page.getByTestId(testId).getAttribute('class')) ?? '').includes('nut-button-disabled')

  /** Signs the browser in as a freshly created local user, as a first-time visitor would be. */
  const newUser = async (name: string) => {
    const created = await page.request.post(`${em.url}/api/dev/users`, { data: { name } })
    const { data } = (await created.json()) as { data: { _id: string } }
    await page.request.post(`${em.url}/api/dev/session`, { data: { userId: data._id } })
  }

  /** Loads the app afresh on the choice page (a hash change alone would keep the pages already open). */
  const openChoice = async () => {
    await open(page, em.url, '/features/id-photo/pages/index/index')
    await page.getByText('第一步：选择证件类型').waitFor()
    await agree(page, 'choose-album')
  }

  const chooseShenzhenSsc = async () => {
    await page.getByTestId('document-social-security-card').click()
    await page.getByTestId('city-cell').click()
    await page.locator('.nut-cascader-item', { hasText: /^广东省$/ }).click()
    await page.locator('.nut-cascader-item', { hasText: /^深圳市$/ }).click()
    await page.getByTestId('city-value').getByText('广东省 · 深圳市').waitFor()
  }

  /** Taps a button that opens the file picker and hands it a file. */
  const pickFile = async (buttonTestId: string, file: string) => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId(buttonTestId).click()
    const picked = await chooser
    await picked.setFiles(file)
    return picked
  }

  const albumForShenzhenSsc = async (file: string) => {
    await openChoice()
    await chooseShenzhenSsc()
    await pickFile('choose-album', file)
  }

  const waitForResult = () => page.getByTestId('check-result').waitFor({ timeout: 60_000 })
  const failedChecks = () => page.locator('[data-testid^="check-"][data-passed="false"]')

  const writePhoto = (name: string, bytes: Buffer) => {
    const file = path.join(e2e.dir, name)
    writeFileSync(file, bytes)
    return file
  }

  beforeAll(async () => {
    functions.photo = realPhoto
    e2e = await startE2E({ functions }, 'store')
    em = e2e.em
  })

  beforeEach(async () => {
    functions.photo = realPhoto
    page = collectErrors(await e2e.browser.newPage(PHONE), errors)
  })

  afterEach(async () => {
    await page.close()
  })

  afterAll(async () => {
    await cameraBrowser?.close()
    await e2e?.close()
  })

  it('takes a new user from 社保卡 in 广东省 → 深圳市, through the album, to a normalised photo that passes every check', async () => {
    await newUser('王阿姨')
    await openChoice()
    await page.getByText('表情自然、五官完整可见').waitFor()
    await page.getByText('不戴耳环、项链、帽子、发卡').waitFor()
    expect(await isDisabled('choose-album')).toBe(true)
    expect(await isDisabled('take-photo')).toBe(true)

    await page.getByTestId('document-social-security-card').click()
    await page.getByTestId('city-cell').click()
    await page.locator('.nut-cascader-item', { hasText: /^广东省$/ }).click()
    await shot('id-photo-city-picker')
    await page.locator('.nut-cascader-item', { hasText: /^深圳市$/ }).click()
    await page.getByTestId('city-value').getByText('广东省 · 深圳市').waitFor()

    expect(await text('spec-title')).toBe('社保卡（深圳）')
    expect(await text('spec-pixels')).toBe('358 × 441 像素')
    expect(await text('spec-print')).toBe('26 × 32 毫米')
    expect(await text('spec-dpi')).toBe('350 DPI')
    expect(await text('spec-background')).toBe('白色')
    expect(await text('spec-file-size')).toBe('14–40 KB')
    expect(await isDisabled('choose-album')).toBe(false)
    await shot('id-photo-choice')

    await pickFile('choose-album', facePhoto)
    await page.getByTestId('check-progress').getByText('正在检测照片…').waitFor()
    await shot('id-photo-checking')
    await waitForResult()

    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('passed')
    // All passed: the summary says so in words; the rows open on demand.
    expect(await page.getByTestId('check-summary').innerText()).toMatch(/^\d+ 项检测全部通过$/)
    await page.getByTestId('check-details-toggle').click()
    expect(await page.locator('[data-testid^="check-"][data-passed]').count()).toBeGreaterThanOrEqual(10)
    expect(await failedChecks().count()).toBe(0)
    for (const label of ['人脸数量', '头顶留白', '眼睛高度', '像素尺寸', '分辨率 DPI', '文件大小']) {
      await page.getByTestId('check-list').getByText(label, { exact: true }).waitFor()
    }

    const img = page.getByTestId('normalized-photo').locator('img')
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle())
    expect(await img.evaluate((el) => [(el as HTMLImageElement).naturalWidth, (el as HTMLImageElement).naturalHeight])).toEqual([358, 441])
    const box = (await page.getByTestId('normalized-photo').boundingBox())!
    expect(box.height / box.width).toBeCloseTo(32 / 26, 1)
    expect(await text('photo-pixels')).toBe('358 × 441 像素')
    expect(await text('photo-dpi')).toBe('350 DPI')
    const kb = Number((await text('photo-kb')).replace(' KB', ''))
    expect(kb).toBeGreaterThanOrEqual(14)
    expect(kb).toBeLessThanOrEqual(40)
    await shot('id-photo-preview')

    const raw = uploads[uploads.length - 1]
    expect(raw.fileID).toMatch(/^cloud:\/\/[^/]+\/photos\/raw\/u[0-9a-f]{20}\/[0-9a-f]{32}\.jpg$/)
    expect(raw.format).toBe('jpeg')

    expect(await page.getByTestId('accept-warnings').count()).toBe(0)
    await page.getByTestId('continue').click()
    await page.waitForURL(/features\/receipt\/pages\/index\/index\?specId=ssc-shenzhen&photoId=ph_[0-9a-f]+/)
    expect(errors).toEqual([])
  })

  it('uploads a phone photo upright, and a large one downsized to 1600 px and 600 KB', async () => {
    const sideways = await exifRotatedPhoto(1)
    const stored = await sharp(sideways).metadata()
    expect(stored.orientation).toBe(6)
    await albumForShenzhenSsc(writePhoto('rotated.jpg', sideways))
    await waitForResult()
    const rotated = uploads[uploads.length - 1]
    expect([rotated.width, rotated.height]).toEqual([stored.height, stored.width])
    expect(rotated.orientation ?? 1).toBe(1)

    await albumForShenzhenSsc(largePhoto)
    await waitForResult()
    const large = uploads[uploads.length - 1]
    expect([large.width, large.height]).toEqual([1600, 1067])
    expect(large.bytes).toBeLessThanOrEqual(600 * 1024)
  })

  it('holds back a photo without a face: says why, and offers only 重新拍摄 and 重新选择', async () => {
    await albumForShenzhenSsc(writePhoto('wall.jpg', await noFacePhoto()))
    await waitForResult()
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('blocked')
    expect(await page.getByTestId('check-one-face').getAttribute('data-passed')).toBe('false')
    expect(await text('check-one-face-message')).toContain('没有检测到人脸')
    expect(await page.getByTestId('continue').count()).toBe(0)
    await page.getByTestId('retake').waitFor()
    await page.getByTestId('reselect').waitFor()
    await shot('id-photo-blocked')

    await pickFile('reselect', facePhoto)
    await waitForResult()
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('passed')
  })

  it('lets the user go on with a warning only after ticking 我已知晓以上提示，仍使用这张照片', async () => {
    functions.photo = withBackgroundWarning(realPhoto)
    await albumForShenzhenSsc(facePhoto)
    await waitForResult()
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('warning')
    expect(await text('verdict')).toContain('有 1 项提示')
    expect(await page.getByTestId('check-background').getAttribute('data-passed')).toBe('false')
    expect(await text('check-background-message')).toBe('背景不够干净，请在白墙前拍摄')
    expect(await isDisabled('continue')).toBe(true)
    await shot('id-photo-warning')

    await page.getByTestId('accept-warnings').getByText('我已知晓以上提示，仍使用这张照片').click()
    expect(await isDisabled('continue')).toBe(false)
    await page.getByTestId('continue').click()
    await page.waitForURL(/features\/receipt\/pages\/index\/index\?specId=ssc-shenzhen&photoId=ph_[0-9a-f]+/)
  })

  it('shows each obstruction hint (fringe over the eyebrows, glare on glasses) with its fix, as warnings to accept', async () => {
    functions.photo = withObstructionWarnings(realPhoto)
    await albumForShenzhenSsc(facePhoto)
    await waitForResult()
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('warning')
    expect(await text('verdict')).toContain('有 2 项提示')
    expect(await page.getByTestId('check-eyebrows').getAttribute('data-passed')).toBe('false')
    expect(await text('check-eyebrows-message')).toBe('刘海可能遮住了眉毛，请把头发梳到额头上方，露出眉毛和额头后重拍')
    expect(await page.getByTestId('check-glare').getAttribute('data-passed')).toBe('false')
    expect(await text('check-glare-message')).toBe('眼睛周围有一片反光（眼镜片或脸上的高光），请避开正面强光；戴眼镜的可微微低头或摘下眼镜后重拍')
    expect(await isDisabled('continue')).toBe(true)
    await shot('id-photo-obstruction-hints')
    await page.getByTestId('accept-warnings').getByText('我已知晓以上提示，仍使用这张照片').click()
    expect(await isDisabled('continue')).toBe(false)
    functions.photo = realPhoto
  })

  it('shows the ears hint the real pipeline raises on face-1 (blonde curls over the ears), with its fix, as a warning to accept', async () => {
    await albumForShenzhenSsc(curlsOverEars)
    await waitForResult()
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('warning')
    expect(await text('verdict')).toContain('有 1 项提示')
    expect(await page.getByTestId('check-ears').getAttribute('data-passed')).toBe('false')
    expect(await text('check-ears-message')).toBe('头发可能遮住了耳朵，请把长发拢到耳后，露出双耳后重拍')
    expect(await page.getByTestId('check-list').getByText('耳朵露出', { exact: true }).count()).toBe(1)
    expect(await isDisabled('continue')).toBe(true)
    await shot('id-photo-ears-hint')
    await page.getByTestId('accept-warnings').getByText('我已知晓以上提示，仍使用这张照片').click()
    expect(await isDisabled('continue')).toBe(false)
  })

  it('on real portraits of the eval set: blocks a head turned to three-quarter view (s1-p1) with 正对镜头 and its fix, and warns of a real fringe (s2-p2)', async () => {
    await albumForShenzhenSsc(writePhoto('s1-p1.jpg', await evalPortrait('s1-p1')))
    await waitForResult()
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('blocked')
    expect(await page.getByTestId('check-head-turn').getAttribute('data-passed')).toBe('false')
    expect(await text('check-head-turn-message')).toBe(CHECK_COPY['head-turn'].high)
    expect(await page.getByTestId('continue').count()).toBe(0)
    await page.getByTestId('retake').waitFor()
    await shot('id-photo-head-turned')

    await pickFile('reselect', writePhoto('s2-p2.jpg', await evalPortrait('s2-p2')))
    await waitForResult()
    expect(await page.getByTestId('check-eyebrows').getAttribute('data-passed')).toBe('false')
    expect(await text('check-eyebrows-message')).toBe('刘海可能遮住了眉毛，请把头发梳到额头上方，露出眉毛和额头后重拍')
    await shot('id-photo-real-fringe')
  })

  it('says in Chinese that the photo service is missing, with 重试, and goes on once it is back', async () => {
    delete functions.photo
    await albumForShenzhenSsc(facePhoto)
    await page.getByTestId('check-failed').waitFor()
    expect(await text('check-error')).toBe('照片检测服务暂未开通，请稍后再试')
    await shot('id-photo-service-missing')

    functions.photo = realPhoto
    await page.getByTestId('retry').click()
    await waitForResult()
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('passed')
  })

  it('asks for a new photo when the preview is opened without one, as after a reload', async () => {
    await page.goto(`${em.url}/#/features/id-photo/pages/preview/index?specId=ssc-shenzhen`)
    await page.getByText('没有找到要检测的照片，请重新拍摄或重新选择').waitFor()
    await page.getByTestId('retake').click()
    await page.waitForURL(/features\/id-photo\/pages\/capture\/index\?specId=ssc-shenzhen/)
  })

  it('offers the phone camera (capture="user") and the album when the browser has no camera', async () => {
    await page.goto(`${em.url}/#/features/id-photo/pages/capture/index?specId=ssc-shenzhen`)
    await page.getByTestId('camera-problem').getByText('无法打开相机').waitFor()
    await page.getByTestId('capture-album').waitFor()
    await shot('id-photo-no-camera')

    const picked = await pickFile('system-camera', facePhoto)
    expect(await picked.element().getAttribute('capture')).toBe('user')
    await waitForResult()
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('passed')
  })

  it('shows the front camera mirrored behind the spec guide, and uploads the whole frame, downsized to the upload limit', async () => {
    cameraBrowser = await launchBrowser(FAKE_CAMERA_FLAGS)
    page = await cameraBrowser.newPage(PHONE)
    await page.goto(`${em.url}/#/features/id-photo/pages/capture/index?specId=ssc-shenzhen`)
    await page.getByTestId('guide-head').waitFor()
    await page.waitForFunction(() => !document.querySelector('[data-testid="shutter"]')?.className.includes('nut-button-disabled'))
    const video = page.getByTestId('camera-video')
    expect(await video.evaluate((v) => getComputedStyle(v).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)')
    const [width, height] = await video.evaluate((v) => [(v as HTMLVideoElement).videoWidth, (v as HTMLVideoElement).videoHeight])
    await page.getByText('把脸放进椭圆框内，双肩对齐下方弧线').waitFor()
    await shot('id-photo-capture')

    const before = uploads.length
    await page.getByTestId('shutter').click()
    await waitForResult()
    expect(uploads.length).toBe(before + 1)
    const expected = fitLongSide({ width, height })
    expect([uploads[before].width, uploads[before].height]).toEqual([expected.width, expected.height])
  })
})
