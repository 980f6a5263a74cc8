import { unverifiedBecause, type Evidence, type Source } from '../sources/source'
import type { DocumentType, PhotoSpec, SpecFact } from './spec.types'

/**
 * The photo-spec catalogue (research notes: docs/photo-specs.md). Specs are data, versioned per entry; a regional
 * entry overrides the national default for its province or city. Each fact carries the sentence of the page
 * that states it, or `unverified` with what we found instead.
 */
export const SPEC_FACTS: readonly SpecFact[] = ['pixels', 'printMm', 'dpi', 'background', 'fileKb', 'head']
export type { SpecFact }

const WHITE = { name: '白色', rgb: [255, 255, 255] as const }
const CHECKED = '2026-12-02'
const source = (url: string, title: string, quote: string, publishedOrChecked = CHECKED): Source => ({ url, title, quote, publishedOrChecked })

const SSC_REQ = (quote: string) => source('https://rsc.sdws.edu.cn/2019/0416/c253a1938/page.htm', '社会保障卡制证用数字相片技术要求', quote, '2019-04-16')
const SSC_PIXELS = SSC_REQ('2、358像素(宽)×441像素(高),分辨率350DPI。')

/** 社保卡, national digital-photo requirements as republished: 358×441, 350 dpi, 14–40 KB. */
const SSC_NATIONAL: PhotoSpec = {
  id: 'ssc-national',
  version: 2,
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
  evidence: {
    pixels: SSC_PIXELS,
    printMm: unverifiedBecause('社保卡数字相片要求只写像素；26×32 mm 是居民身份证相片的尺寸'),
    dpi: SSC_PIXELS,
    background: SSC_REQ('1、白色背景,无边框。'),
    fileKb: SSC_REQ('4、采用JPEG压缩技术,压缩品质因子70(品质因子取值范围0~100),一般相片的文件大小为14K~40K。'),
    head: SSC_REQ('5、人像在相片矩形框内水平居中,脸部宽度179~255像素,头顶发迹距相片上边缘7~21像素,双眼连线中点距离图像左边缘为162~196像素,双眼连线距相片下边缘的最短距离不小于207像素'),
  },
}

/** A regional entry keeps the national values; what its own sources do not state is unverified there. */
function regional(base: PhotoSpec, patch: Partial<PhotoSpec> & Pick<PhotoSpec, 'id' | 'region' | 'title' | 'evidence'>): PhotoSpec {
  return { ...base, ...patch, head: { ...base.head, ...(patch.head ?? {}) } }
}

const inherited = (note: string): Record<SpecFact, Evidence> => ({ pixels: unverifiedBecause(note), printMm: unverifiedBecause(note), dpi: unverifiedBecause(note), background: unverifiedBecause(note), fileKb: unverifiedBecause(note), head: unverifiedBecause(note) })

const SHENZHEN_SSC = source('https://5060.cn/jinrong/d43837618def.html', '深圳市社保卡网上办理流程', '电子照片需为白底免冠彩色,尺寸为358像素(宽)*441像素(高),文件大小为50KB以下。')
const BINZHOU = (quote: string) => source('http://www.bbbaike.com/baike/techan/980456.html', '滨州社保卡照片规格要求(社保卡标准照片尺寸)', quote, '2022-11-03')

/** 居民身份证: GA 461-2004 as republished; GA/T 461-2019 replaced it (its text was not found, so the numbers are the 2004 ones). */
const ID_2004 = (quote: string) => source('http://hybridbeedesign.com/news_mini.asp?id=2088', '第二代《居民身份證》照片標準（GA461-2004）', quote, '2021-11-02')

const DRIVING = (quote: string) => source('https://m.w09.net/Life/ca51fcaf862fb80d0bb76a0e1f43df45.html', '駕駛證照片要求', quote)
const E_DRIVING = (quote: string) => source('http://m.pay1999.com/ask/3160801.html', '電子駕駛證照片尺寸的長和寬分別是多少像素?', quote)
const EXIT_ENTRY = (quote: string) => source('http://yopinpei.com/20250107/2/1277309', '护照照片是二寸还是小二寸（《出入境证件相片照相指引》）', quote, '2025-01-07')
const EXIT_ENTRY_GUIDE = (quote: string) => source('http://shbk.net/techan/276856.html', '出入境证件相片照相指引（公安部出入境管理局制定）', quote, '2022-11-02')

/** 居住证: 制证用数字相片 as republished — the 居民身份证 numbers (358×441, 350 dpi, 26×32 mm, 14–20 KB, face 207±14 px). */
const RP = (quote: string) => source('https://fubk.net/changshi/6839.html', '办理居住证所需的照片要求', quote)
const RP_HEAD = source(
  'http://m.gansulong.com/c/012225261952024.html',
  '娄底市居住证照片要求（居住证制证用数字相片）',
  '人像在相片矩形框内水平居中,脸部宽207±14像素,头顶发迹距相片上边沿7像素~21像素(当头顶发迹距相片上边沿距离与眼睛所在位置距下边沿的距离不能同时满足要求时,优先保证眼睛所在位置距相片下边沿的距离不小于207像素',
)
/** 居住证 in Guangdong: 358×441, 32×26 mm, white; the receipt replaces the photo when applying. */
const GD_RP = (quote: string) => source('https://zhaopianhuizhi.com/jzz/5991/.html', '广东居住证照片几寸啊怎么弄', quote)
const GD_RP_SPEC = GD_RP('广东省地区办理居住证照片要求为:①照片规格:尺寸32mm*26mm,像素358px*441px,头部占照片尺寸的2/3;②背景底色:白色;③照片颜色:彩色;')

/** 居民身份证: 358×441 at 350 dpi, face 207±14 px wide, 14–20 KB (GA 461-2004, replaced by GA/T 461-2019). */
const ID_CARD: PhotoSpec = {
  id: 'id-card',
  version: 2,
  documentType: 'id-card',
  region: { level: 'national' },
  title: '居民身份证',
  standard: {
    name: 'GA/T 461-2019《居民身份证制证用数字相片技术要求》（代替 GA 461-2004）',
    evidence: source('https://www.baikeworld.com/ics/175108024022625.html', 'GA461-2004居民身份证制证用数字相片技术要求', '替代以下标准:被GA/T 461-2019代替;公告:公安部关于废止77项公共安全行业标准的公告'),
  },
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
  evidence: {
    pixels: ID_2004('1、照片規格:358像素(寬)×441像素(高),分辨率350dpi,照片尺寸為32mm×26mm;'),
    printMm: ID_2004('1、照片規格:358像素(寬)×441像素(高),分辨率350dpi,照片尺寸為32mm×26mm;'),
    dpi: ID_2004('1、照片規格:358像素(寬)×441像素(高),分辨率350dpi,照片尺寸為32mm×26mm;'),
    background: ID_2004('頭部占照片尺寸的2/3,不著制式服裝或白色上衣,常戴眼鏡的居民應配戴眼鏡,白色背景無邊框'),
    fileKb: source('https://0551fangchan.com/2022-08-24/08413681.html', '二代身份证照片着装要求(二代身份证照片)', '4、 文件格式:jpg文件格式的压缩图像,压缩品质稀疏70(取值0—100) 文件容量:14——20k 像素:358*441 分辨率:350dpi。', '2022-08-24'),
    head: ID_2004('4、人像在相片矩形框內水平居中,臉部寬207像素±14像素,頭頂發跡距相片上邊沿7像素~21像素,眼睛所在位置距相片下邊沿的距離不小于207像素'),
  },
}

/** 居住证 (national): made like the 居民身份证 photo — 358×441 at 350 dpi, 26×32 mm, white, 14–20 KB, face 207±14 px — each quoted from a 居住证 source. */
const RESIDENCE_PERMIT: PhotoSpec = {
  ...ID_CARD,
  id: 'residence-permit',
  version: 1,
  documentType: 'residence-permit',
  title: '居住证',
  standard: undefined,
  evidence: {
    pixels: RP('电子版照片尺寸:358px×441px。'),
    printMm: RP('冲印照片尺寸:26mm×32mm。'),
    dpi: RP('照片分辨率:350dpi。'),
    background: RP('近期正面免冠彩色白底证件照。'),
    fileKb: RP('文件容量:一般在14k~20k字节之间。'),
    head: RP_HEAD,
  },
}

export const PHOTO_SPECS: readonly PhotoSpec[] = [
  SSC_NATIONAL,
  /** Guangdong 社保卡: no provincial spec found; the national values apply as reference. */
  regional(SSC_NATIONAL, {
    id: 'ssc-guangdong',
    region: { level: 'province', code: '440000', name: '广东省' },
    title: '社保卡（广东）',
    evidence: {
      ...inherited('未找到广东省的社保卡照片规格，沿用全国规格'),
      fileKb: unverifiedBecause('广东的来源没有写 14–40 KB；广州人社的相片上传栏目写“大小建议在20-200K内”'),
    },
  }),
  /** Shenzhen 社保卡: 358×441 white, files under 50 KB (the national 14–40 KB lies inside). */
  regional(SSC_NATIONAL, {
    id: 'ssc-shenzhen',
    region: { level: 'city', code: '440300', name: '深圳市' },
    title: '社保卡（深圳）',
    evidence: {
      ...inherited('深圳的来源只写像素、底色和文件上限'),
      pixels: SHENZHEN_SSC,
      background: SHENZHEN_SSC,
      fileKb: unverifiedBecause('深圳的来源写“文件大小为50KB以下”；沿用的 14–40 KB 在其范围内'),
    },
  }),
  /** Jinan: the 9–20 KB variant, which no Jinan source states (the page it cited is about 滨州). */
  regional(SSC_NATIONAL, {
    id: 'ssc-jinan',
    region: { level: 'city', code: '370100', name: '济南市' },
    title: '社保卡（济南）',
    fileKb: { min: 9, max: 20, unit: 'KB' },
    evidence: { ...inherited('未找到济南市的社保卡照片规格'), fileKb: unverifiedBecause('9–20 KB 没有找到济南的来源；原引用页面写的是滨州（14K-40K）') },
  }),
  /** Binzhou: 358×441, 350 dpi, 14–40 KB, white. */
  regional(SSC_NATIONAL, {
    id: 'ssc-binzhou',
    region: { level: 'city', code: '371600', name: '滨州市' },
    title: '社保卡（滨州）',
    evidence: {
      ...inherited('滨州的来源未写'),
      pixels: BINZHOU('1、358像素(宽)×441像素(高),分辨率350DPI;'),
      dpi: BINZHOU('1、358像素(宽)×441像素(高),分辨率350DPI;'),
      fileKb: BINZHOU('2、照片文件大小为14K-40K;'),
      background: BINZHOU('3、白色背景、无边框;'),
    },
  }),
  ID_CARD,
  /** 驾驶证 file photo: 260×378 at 300 dpi, 14–30 KB, head width 165–189 px, head length 224–260 px. */
  {
    id: 'driving-licence',
    version: 2,
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
    evidence: {
      pixels: DRIVING('一般相片的文件容量在14~30K之間,該圖像長寬規格為:378像素(高)×260像素(寬),分辨率300dpi,24位真彩色。'),
      printMm: source('http://aryapackersandmovers.com/wd/2817218.html', '行駛證換證照片如何照?', '3、照片尺寸為 32mm*22mm,相當于1英寸,頭部寬度14mm~16mm,頭部長度19mm~22mm。'),
      dpi: DRIVING('一般相片的文件容量在14~30K之間,該圖像長寬規格為:378像素(高)×260像素(寬),分辨率300dpi,24位真彩色。'),
      background: DRIVING('要求人像清晰,層次豐富,神態自然,無明顯畸變,背景色為白色,深色著裝。'),
      fileKb: DRIVING('一般相片的文件容量在14~30K之間,該圖像長寬規格為:378像素(高)×260像素(寬),分辨率300dpi,24位真彩色。'),
      head: DRIVING('3、頭像大小及位置人像在相片矩形框內水平居中,頭部寬165至189像素,頭部長度為224至260像素,頭頂發跡距相片上邊沿10像素~20像素。'),
    },
  },
  /** 电子驾驶证 / 12123 upload: at least 520 px wide, 2:3 to 3:4, suggested 520×756; the mm rules of 驾驶证 scaled. */
  {
    id: 'e-driving-licence',
    version: 2,
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
    evidence: {
      pixels: E_DRIVING('電子駕駛證照片水平不小于520像素,寬高比大于2:3且小于3:4,建議尺寸為寬520像素、高756像素。'),
      printMm: E_DRIVING('其實際物理尺寸為32mm X 22mm ,在這個范圍內,頭部寬度需保持在14mm - 16mm,頭部長度則要控制在19mm - 22mm。'),
      dpi: unverifiedBecause('600 dpi 是 520×756 像素对 22×32 mm 的换算，没有来源'),
      background: E_DRIVING('它是申請人本人6個月內的正面免冠彩色單人半身一寸照片,白色背景干凈簡潔'),
      fileKb: unverifiedBecause('没有找到公布的文件大小范围，30–200 KB 是我们定的'),
      head: unverifiedBecause('由驾驶证的毫米要求按 520×756 像素换算，没有来源'),
    },
  },
  /** 出入境 (passport, 港澳通行证): digital photo 354×472 (3:4, the smallest of 354–480 × 472–640 px), 20–80 KB, white, light grey or light blue. */
  {
    id: 'exit-entry',
    version: 2,
    documentType: 'exit-entry',
    region: { level: 'national' },
    title: '出入境证件（护照、港澳通行证）',
    pixels: { width: 354, height: 472 },
    printMm: { width: 33, height: 48 },
    dpi: 300,
    background: WHITE,
    allowedBackgrounds: ['白色', '浅灰色', '淡蓝色'],
    format: 'jpeg',
    jpegQuality: 80,
    fileKb: { min: 20, max: 80, unit: 'KB' },
    head: {
      headWidth: { min: 177, max: 260, unit: 'px' },
      headHeight: { min: 330, max: 389, unit: 'px' },
    },
    evidence: {
      pixels: EXIT_ENTRY('4. 数码照片的尺寸不少于354像素×472像素,宽高比为3:4,宽度在354至480像素之间,高度在472至640像素之间。'),
      printMm: source('https://m.tftnews.com/news2407884', '辦理港澳通行證的照片有什麼要求?（《出入境證件相片照相指引》）', '照片尺寸:寬33mm,高48mm,其中頭部寬度在15mm至22mm之間,頭部高度(從下巴至頭頂)在28mm至33mm之間,頭頂至相片上邊距離在3mm至5mm之間,人臉下颚以下到圖像下邊沿高度不小于7mm。', '2024-08-01'),
      dpi: EXIT_ENTRY_GUIDE('图像文件大小范围为20K字节到80K字节之间 图像为24位RGB真彩色 图像分辨率为300DPI至600DPI之间'),
      background: EXIT_ENTRY('5. 照片背景色应为均匀的白色、浅灰色或淡蓝色。'),
      fileKb: EXIT_ENTRY('8. 图像文件大小应在20K字节以上,但不超过80K字节。'),
      head: unverifiedBecause('头部宽 15–22 mm、高 28–33 mm 按 30×40 mm 有效区域对应 354×472 像素（11.8 像素/毫米）换算，没有来源'),
    },
  },
  RESIDENCE_PERMIT,
  /** 居住证 (Guangdong): 358×441 px, 32×26 mm, white, as the Guangdong receipt services state it; the rest as nationally. */
  regional(RESIDENCE_PERMIT, {
    id: 'residence-permit-guangdong',
    region: { level: 'province', code: '440000', name: '广东省' },
    title: '居住证（广东）',
    evidence: {
      pixels: GD_RP_SPEC,
      printMm: GD_RP_SPEC,
      background: GD_RP_SPEC,
      dpi: unverifiedBecause('广东的来源只写像素和毫米；350 dpi 沿用全国居住证（即身份证）相片要求'),
      fileKb: unverifiedBecause('广东的来源没有写文件大小；14–20 KB 沿用全国居住证相片要求'),
      head: unverifiedBecause('广东的来源只写“头部占照片尺寸的2/3”；脸宽等像素要求沿用全国居住证相片要求'),
    },
  }),
]


export const DOCUMENT_TYPES: ReadonlyArray<{ type: DocumentType; title: string }> = [
  { type: 'social-security-card', title: '社保卡' },
  { type: 'id-card', title: '居民身份证' },
  { type: 'driving-licence', title: '驾驶证' },
  { type: 'e-driving-licence', title: '电子驾驶证' },
  { type: 'exit-entry', title: '护照 / 港澳通行证' },
  { type: 'residence-permit', title: '居住证' },
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
