import type { DocumentType, PhotoSpec } from './spec.types'

/**
 * The photo-spec catalogue (research notes: shared/SPECS.md). Specs are data, versioned per entry;
 * a regional entry overrides the national default for its province or city.
 * Sources are mostly republished notices, so each entry keeps its URLs and the date it was checked.
 */
const WHITE = { name: '白色', rgb: [255, 255, 255] as const }
const CHECKED = '2026-11-24'

/** 社保卡, national digital-photo requirements as republished: 358×441, 350 dpi, 14–40 KB. */
const SSC_NATIONAL: PhotoSpec = {
  id: 'ssc-national',
  version: 1,
  documentType: 'social-security-card',
  region: { level: 'national' },
  title: '社保卡（全国通用）',
  pixels: { width: 358, height: 441 },
  printMm: { width: 26, height: 32 },
  dpi: 350,
  background: WHITE,
  format: 'jpeg',
  jpegQuality: 70,
  fileKb: { min: 14, max: 40, unit: 'KB' },
  head: {
    faceWidth: { min: 179, max: 255, unit: 'px' },
    hairTopMargin: { min: 7, max: 21, unit: 'px' },
    eyeMidpointX: { min: 162, max: 196, unit: 'px' },
    eyeLineFromBottom: { min: 207, unit: 'px' },
  },
  source: {
    urls: ['rsc.sdws.edu.cn/2019/0416/c253a1938/page.htm', 'm.zhuangpeitu.com/article/173362432.html'],
    note: 'National digital-photo requirements as republished (Wuhan, 2014).',
  },
  checkedAt: CHECKED,
}

function regional(base: PhotoSpec, patch: Partial<PhotoSpec> & Pick<PhotoSpec, 'id' | 'region' | 'title' | 'source'>): PhotoSpec {
  return { ...base, ...patch, head: { ...base.head, ...(patch.head ?? {}) } }
}

export const PHOTO_SPECS: readonly PhotoSpec[] = [
  SSC_NATIONAL,
  /** Guangdong 社保卡: the national layout; local notices ask for head about 2/3 of the frame, both ears visible. */
  regional(SSC_NATIONAL, {
    id: 'ssc-guangdong',
    region: { level: 'province', code: '440000', name: '广东省' },
    title: '社保卡（广东）',
    fileKb: { min: 14, max: 40, unit: 'KB' },
    source: {
      urls: ['shebaoonline.com/shebaoka/1576734', 'm.7tqp.com/news_1982808.shtml'],
      note: 'Local variant: 358×441, white background, head about 2/3 of the frame, both ears visible.',
    },
  }),
  /** Shenzhen 社保卡: the national layout, as its own entry so a Shenzhen change lands in one place. */
  regional(SSC_NATIONAL, {
    id: 'ssc-shenzhen',
    region: { level: 'city', code: '440300', name: '深圳市' },
    title: '社保卡（深圳）',
    fileKb: { min: 14, max: 40, unit: 'KB' },
    source: {
      urls: ['shebaoonline.com/shebaoka/1576734', 'bbbaike.com/baike/techan/980456.html'],
      note: 'Local variant of the national spec; dark clothes, not white.',
    },
  }),
  /** Cities whose notices ask for 9–20 KB files (reported by the sources below). */
  regional(SSC_NATIONAL, {
    id: 'ssc-jinan',
    region: { level: 'city', code: '370100', name: '济南市' },
    title: '社保卡（济南）',
    fileKb: { min: 9, max: 20, unit: 'KB' },
    source: {
      urls: ['m.7tqp.com/news_1982808.shtml', 'bbbaike.com/baike/techan/980456.html'],
      note: 'The 9–20 KB variant; the city attribution comes from a republished notice and should be re-checked.',
    },
  }),
  /** Binzhou: 14–40 KB. */
  regional(SSC_NATIONAL, {
    id: 'ssc-binzhou',
    region: { level: 'city', code: '371600', name: '滨州市' },
    title: '社保卡（滨州）',
    fileKb: { min: 14, max: 40, unit: 'KB' },
    source: { urls: ['m.gansulong.com/c/010R4153F2024.html'], note: 'Binzhou notice: 14–40 KB.' },
  }),
  /** 二代身份证, GA 461-2004: face 207±14 px wide, 14–20 KB. */
  {
    id: 'id-card',
    version: 1,
    documentType: 'id-card',
    region: { level: 'national' },
    title: '居民身份证',
    pixels: { width: 358, height: 441 },
    printMm: { width: 26, height: 32 },
    dpi: 350,
    background: WHITE,
    format: 'jpeg',
    jpegQuality: 70,
    fileKb: { min: 14, max: 20, unit: 'KB' },
    head: {
      faceWidth: { min: 193, max: 221, unit: 'px' },
      hairTopMargin: { min: 7, max: 21, unit: 'px' },
      eyeLineFromBottom: { min: 207, unit: 'px' },
    },
    source: { urls: ['bbs.3miao.net/archiver/tid-18759.html', 'hybridbeedesign.com/news_mini.asp?id=2088'], note: 'GA 461-2004 as republished.' },
    checkedAt: CHECKED,
  },
  /** 驾驶证 file photo: 260×378 at 300 dpi, 14–30 KB, head width 165–189 px, head length 224–260 px. */
  {
    id: 'driving-licence',
    version: 1,
    documentType: 'driving-licence',
    region: { level: 'national' },
    title: '机动车驾驶证',
    pixels: { width: 260, height: 378 },
    printMm: { width: 22, height: 32 },
    dpi: 300,
    background: WHITE,
    format: 'jpeg',
    jpegQuality: 75,
    fileKb: { min: 14, max: 30, unit: 'KB' },
    head: {
      headWidth: { min: 165, max: 189, unit: 'px' },
      headHeight: { min: 224, max: 260, unit: 'px' },
      hairTopMargin: { min: 10, max: 20, unit: 'px' },
    },
    source: { urls: ['m.w09.net/Life/ca51fcaf862fb80d0bb76a0e1f43df45.html', 'fudaoke.com/exam/2579194.html'] },
    checkedAt: CHECKED,
  },
  /** 电子驾驶证 / 12123 upload: at least 520 px wide, 2:3 to 3:4; the mm rules of 驾驶证 scaled to 520×756. */
  {
    id: 'e-driving-licence',
    version: 1,
    documentType: 'e-driving-licence',
    region: { level: 'national' },
    title: '电子驾驶证（交管12123）',
    pixels: { width: 520, height: 756 },
    printMm: { width: 22, height: 32 },
    dpi: 600,
    background: WHITE,
    format: 'jpeg',
    jpegQuality: 80,
    fileKb: { min: 30, max: 200, unit: 'KB' },
    head: {
      headWidth: { min: 330, max: 378, unit: 'px' },
      headHeight: { min: 448, max: 520, unit: 'px' },
      hairTopMargin: { min: 20, max: 40, unit: 'px' },
    },
    source: {
      urls: ['m.pay1999.com/ask/3160801.html', 'm.egb634.com/ask/3162108.html'],
      note: 'Size rules from the 驾驶证 mm rules at 520×756; the file-size range is ours (none published).',
    },
    checkedAt: CHECKED,
  },
  /** 出入境 (passport, 港澳通行证): 33×48 mm; head width 15–22 mm, head height 28–33 mm, top 3–5 mm, chin ≥ 7 mm. */
  {
    id: 'exit-entry',
    version: 1,
    documentType: 'exit-entry',
    region: { level: 'national' },
    title: '出入境证件（护照、港澳通行证）',
    pixels: { width: 390, height: 567 },
    printMm: { width: 33, height: 48 },
    dpi: 300,
    background: WHITE,
    format: 'jpeg',
    jpegQuality: 80,
    fileKb: { min: 20, max: 80, unit: 'KB' },
    head: {
      headWidth: { min: 177, max: 260, unit: 'px' },
      headHeight: { min: 331, max: 390, unit: 'px' },
      hairTopMargin: { min: 35, max: 59, unit: 'px' },
      chinFromBottom: { min: 83, unit: 'px' },
    },
    source: {
      urls: ['yopinpei.com/20250107/2/1277309', 'bbs.sgcn.org/thread-16277781-3-1.html'],
      note: 'Current guide: 354–480 × 472–640 px, 20–80 KB; mm rules converted at 300 dpi (1 mm = 11.81 px).',
    },
    checkedAt: CHECKED,
  },
]

export const DOCUMENT_TYPES: ReadonlyArray<{ type: DocumentType; title: string }> = [
  { type: 'social-security-card', title: '社保卡' },
  { type: 'id-card', title: '居民身份证' },
  { type: 'driving-licence', title: '驾驶证' },
  { type: 'e-driving-licence', title: '电子驾驶证' },
  { type: 'exit-entry', title: '护照 / 港澳通行证' },
]

export function specById(id: string): PhotoSpec | undefined {
  return PHOTO_SPECS.find((s) => s.id === id)
}

/**
 * The spec that applies to a document type in a city: the city's own entry, else its province's
 * (the first two digits of the GB/T 2260 code), else the national default.
 */
export function resolveSpec(documentType: DocumentType, cityCode?: string): PhotoSpec {
  const ofType = PHOTO_SPECS.filter((s) => s.documentType === documentType)
  const city = cityCode ? ofType.find((s) => s.region.level === 'city' && s.region.code === cityCode) : undefined
  const province = cityCode ? ofType.find((s) => s.region.level === 'province' && s.region.code.slice(0, 2) === cityCode.slice(0, 2)) : undefined
  const national = ofType.find((s) => s.region.level === 'national')
  const spec = city ?? province ?? national
  if (!spec) throw new Error(`no national spec for ${documentType}`)
  return spec
}
