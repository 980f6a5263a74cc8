import { unverifiedBecause, type Evidence, type Source } from '../sources/source'
import type { DocumentType, PhotoSpec, SpecFact, SpecShape } from './spec.types'
import { scaledHead } from './head-rules'
import { specById } from './specs'
import { customSpec, parseCustomSpecId } from './custom-size'

/**
 * The wider catalogue (photo-products issue): everyday print sizes (一寸 … 小二寸) and exam registration photos, each
 * fact sourced with a quote or unverified with what was found. These photos have no receipt: the choice page offers the
 * electronic photo and the print sheet for the ones we can make (OFFERED_CATALOGUE).
 */
export type CataloguePurpose = 'everyday' | 'exam' | 'travel'

export interface CatalogueSpec extends Omit<PhotoSpec, 'documentType' | 'region'> {
  purpose: CataloguePurpose
  /** How the file must be named, where the exam says so. */
  fileNameRule?: { text: string; evidence: Evidence }
  /** What the exam's site does with the photo before it takes it, where its source says so. */
  uploadNote?: { text: string; evidence: Evidence }
  /** The document type whose photo receipt also serves this photo where that receipt is offered (护照 → 出入境). */
  receiptDocument?: DocumentType
}

const CHECKED = '2026-12-02'
const source = (url: string, title: string, quote: string, publishedOrChecked = CHECKED): Source => ({ url, title, quote, publishedOrChecked })
const WHITE = { name: '白色', rgb: [255, 255, 255] as const }
const BLUE = { name: '蓝色', rgb: [67, 142, 219] as const }

const SCALED_HEAD = unverifiedBecause('没有找到这种规格的头部像素要求；按居民身份证相片的比例换算')
const AT_300 = (what: string) => unverifiedBecause(`${what}没有写分辨率；按冲印常用的 300 DPI`)

const SIZES = {
  zhejianglong: (quote: string) => source('http://zhejianglong.com/c/2516104.html', '6寸照片的尺寸是多少厘米', quote),
  bjdnbx: (quote: string) => source('https://bjdnbx.com/bk/356015.html', '一寸照片尺寸', quote),
  bazhongol: (quote: string) => source('http://m.bazhongol.com/yxwd/202511/911285.html', '二寸照片尺寸比例', quote, '2025-11-01'),
}
const ONE_INCH_PX = SIZES.bjdnbx('寸照的标准尺寸为 2.5cm×3.5cm,这一尺寸确保了照片在不同场合下的适用性和一致性。在数字图像领域,对应的像素尺寸通常为295像素(宽)×413像素(高)。')
const ONE_INCH_BG = SIZES.bjdnbx('一寸照片通常采用JPEG(或JPG)格式进行存储,并且有特定的背景颜色要求,如白色或蓝色,头部需占据照片的2/3')
const SMALL_SIZES = SIZES.zhejianglong('身份证、体检表等多采用小一寸22mm*32mm,第二代身份证照片尺寸为26mm*32mm,普通一寸照则为25mm*35mm 。')

function everyday(id: string, title: string, mm: { width: number; height: number }, px: { width: number; height: number }, evidence: Partial<Record<SpecFact, Evidence>>): CatalogueSpec {
  const computed = unverifiedBecause(`来源只写毫米；${px.width}×${px.height} 像素是 ${mm.width}×${mm.height} 毫米按 300 DPI 的换算`)
  return {
    id,
    version: 1,
    purpose: 'everyday',
    title,
    pixels: px,
    printMm: mm,
    dpi: 300,
    background: WHITE,
    allowedBackgrounds: ['蓝色'],
    format: 'jpeg',
    jpegQuality: 85,
    fileKb: { min: 10, max: 200, unit: 'KB' },
    head: scaledHead(px.width, px.height),
    evidence: {
      pixels: computed,
      printMm: unverifiedBecause('没有找到写明这个尺寸的来源'),
      dpi: AT_300('常用尺寸'),
      background: ONE_INCH_BG,
      fileKb: unverifiedBecause('常用尺寸没有文件大小要求；10–200 KB 是我们定的'),
      head: SCALED_HEAD,
      ...evidence,
    },
  }
}

const GWY = (quote: string) => source('http://guangxilong.com/c/022Q03930R023.html', '报名照片尺寸大小要求详解 公务员照片要求（国家公务员考试）', quote)
const TEACHER = (quote: string) => source('http://www.jzdpf.cn/post/34554.html', '教師資格證考試照片要求（2024年教師資格證照片）', quote)
const NCRE = (quote: string) => source('http://51igbt.cn/news/d2eb6346bf8c2cf352ea6092ccf114c0.html', '2024全國計算機等級考試照片要求', quote, '2024-02-06')
const CHSI = source(
  'https://cqxdjy.ccibe.edu.cn/info/1119/4151.htm',
  '本专科学生毕业图像信息（上传学信网进行学历注册备案）',
  '图片尺寸: 480*640像素 图片格式: JPG或JPEG 分辨率: 300dpi 文件大小: 100KB以上 背景:浅蓝色,背景均匀',
  '2022-11-28',
)
const CET = (quote: string) => source('https://cet46.wenduedu.com/20200310/39100.html', '2020年英语四六级报名对照片有什么要求', quote, '2020-03-10')
/** 研究生考试: the 网上确认 system's photo rules as republished (the 报考点 decides white or blue). */
const POSTGRAD = (quote: string) => source('https://llssg.com/jksh/xinli/jedxx0.html', '考研准考證照片怎麼上傳', quote)
const POSTGRAD_BACKGROUND = POSTGRAD('1、本人近三個月內正面、免冠、無妝、彩色電子證件照(藍色或白色背景,具體以報考點要求為準,用於准考證照片),須嚴格按照網上確認系統要求進行照片上傳')
const ACCOUNTING = (quote: string) => source('https://www.clipimg.com/wp/2025%e4%b8%ad%e7%ba%a7%e4%bc%9a%e8%ae%a1%e6%8a%a5%e5%90%8d%e7%85%a7%e7%89%87%e6%80%bb%e8%a2%ab%e6%8b%92%ef%bc%9f%e4%b8%89%e6%ad%a5%e6%90%9e%e5%ae%9a%e5%90%88%e8%a7%84%e8%af%81%e4%bb%b6%e7%85%a7', '2025中级会计报名照片总被拒?三步搞定合规证件照', quote)
const ACCOUNTING_JUNIOR = (quote: string) => source('https://www.nadiyi.com/yiaccountant/4209183', '初级会计职称考试报名网站与照片要求', quote)
/** 护照 abroad (a Chinese embassy's answer, reposted): 33×48 mm, head 15–22 mm wide and 28–33 mm high, 30–80 KB. */
const PASSPORT_ABROAD = (quote: string) => source('https://bbs.sgcn.org/thread-16277781-3-1.html', '护照照片要求（驻新加坡使馆答问，转载）', quote)
/** 港澳通行证 under the 出入境证件相片照相指引, as republished. */
const HK_MACAU = (quote: string) => source('https://m.tftnews.com/news2407884', '辦理港澳通行證的照片有什麼要求?（《出入境證件相片照相指引》）', quote, '2024-08-01')

/**
 * 护照 and 港澳通行证 on their own (the 出入境 receipt spec serves both): the 出入境证件相片照相指引's digital photo,
 * 354×472 px at 300 DPI, on the backgrounds the 指引 allows (白色、浅灰色或淡蓝色); each with its own evidence where
 * a source speaks of that document. No receipt here: where one is taken (广东省), the choice page points to the
 * 护照 / 港澳通行证 document type.
 */
function exitEntryDocument(id: string, title: string, fileKb: { min: number; max: number }, evidence: Partial<Record<SpecFact, Evidence>>): CatalogueSpec {
  const base = specById('exit-entry')!
  return {
    id,
    version: 1,
    purpose: 'travel',
    title,
    pixels: base.pixels,
    printMm: base.printMm,
    dpi: base.dpi,
    background: base.background,
    allowedBackgrounds: base.allowedBackgrounds,
    format: 'jpeg',
    jpegQuality: base.jpegQuality,
    fileKb: { ...fileKb, unit: 'KB' },
    head: base.head,
    evidence: { ...base.evidence, ...evidence },
    receiptDocument: 'exit-entry',
  }
}

const CET_FILE = CET('六、文件格式要求:要求存储为JPG格式,图像文件名为*.JPG,其中*为本人的身份证号码。大小在30~40K之间。')
const CET_SIZE = CET('采集的图象大小最小为192×144(高×宽)。成像区大小为 48mm × 33mm (高×宽)。')

export const CATALOGUE_SPECS: readonly CatalogueSpec[] = [
  everyday('size-one-inch', '一寸', { width: 25, height: 35 }, { width: 295, height: 413 }, { pixels: ONE_INCH_PX, printMm: SMALL_SIZES }),
  everyday('size-small-one-inch', '小一寸', { width: 22, height: 32 }, { width: 260, height: 378 }, { printMm: SMALL_SIZES }),
  everyday('size-large-one-inch', '大一寸', { width: 33, height: 48 }, { width: 390, height: 567 }, { printMm: SIZES.bjdnbx('小一寸:22mm×32mm\n大一寸:33mm×48mm\n小二寸:3.5cm×4.9cm\n大二寸:3.5cm×5.3cm') }),
  everyday('size-two-inch', '二寸', { width: 35, height: 49 }, { width: 413, height: 579 }, { printMm: SIZES.bazhongol('常见的二寸照片尺寸为3.5厘米×4.9厘米(宽×高),即35mm×49mm,其比例为7:10。') }),
  everyday('size-small-two-inch', '小二寸', { width: 35, height: 45 }, { width: 413, height: 531 }, {
    printMm: unverifiedBecause('来源互相矛盾：一处写小二寸 3.5×4.5 cm，另一处写 3.5×4.9 cm（与二寸相同）；按 35×45 mm'),
  }),
  /** 国家公务员考试 (报名确认): 413×579 suggested, 30–100 KB, blue or white. */
  {
    id: 'exam-civil-service',
    version: 1,
    purpose: 'exam',
    title: '国家公务员考试',
    pixels: { width: 413, height: 579 },
    printMm: { width: 35, height: 49 },
    dpi: 300,
    background: BLUE,
    allowedBackgrounds: ['白色'],
    format: 'jpeg',
    jpegQuality: 85,
    fileKb: { min: 30, max: 100, unit: 'KB' },
    head: scaledHead(413, 579),
    evidence: {
      pixels: GWY('(5)照片文件分辨率宽度建议为413像素,高度建议为579像素 。'),
      printMm: unverifiedBecause('来源只写像素；35×49 mm 是 413×579 像素按 300 DPI 的换算'),
      dpi: AT_300('国家公务员考试的来源'),
      background: GWY('公务员照片有两个要求:第一个是对照片背景颜色的要求,背景颜色应为蓝色或白色'),
      fileKb: GWY('(3)照片文件应大于30KB,小于100KB,并在此基础上尽量保证清晰 。'),
      head: SCALED_HEAD,
    },
  },
  /** 教师资格 (2024): 300×400, JPG 50–190 KB, white. */
  {
    id: 'exam-teacher',
    version: 1,
    purpose: 'exam',
    title: '教师资格考试',
    pixels: { width: 300, height: 400 },
    printMm: { width: 25, height: 34 },
    dpi: 300,
    background: WHITE,
    format: 'jpeg',
    jpegQuality: 95,
    fileKb: { min: 50, max: 190, unit: 'KB' },
    head: scaledHead(300, 400),
    evidence: {
      pixels: TEACHER('1. 照片規格:考生應上傳本人近期免冠彩色證件照,規格為寬300像素*高400像素,照片必須清晰完整,格式應為JPG,大小在50KB至190KB之間。'),
      printMm: unverifiedBecause('来源只写像素；25×34 mm 是 300×400 像素按 300 DPI 的换算'),
      dpi: AT_300('教师资格的来源'),
      background: TEACHER('2. 背景顏色:背景為白底。'),
      fileKb: TEACHER('1. 照片規格:考生應上傳本人近期免冠彩色證件照,規格為寬300像素*高400像素,照片必須清晰完整,格式應為JPG,大小在50KB至190KB之間。'),
      head: SCALED_HEAD,
    },
  },
  /** 英语四六级 (2019 as referenced in 2020): at least 144×192, 48×33 mm, light blue, 30–40 KB, named by the ID number. */
  {
    id: 'exam-cet',
    version: 1,
    purpose: 'exam',
    title: '英语四六级',
    pixels: { width: 144, height: 192 },
    printMm: { width: 33, height: 48 },
    dpi: 111,
    background: { name: '浅蓝色', rgb: [200, 225, 245] },
    format: 'jpeg',
    jpegQuality: 95,
    fileKb: { min: 30, max: 40, unit: 'KB' },
    head: scaledHead(144, 192),
    evidence: {
      pixels: CET_SIZE,
      printMm: CET_SIZE,
      dpi: unverifiedBecause('来源没有写分辨率；111 DPI 是 144 像素对 33 mm 的换算'),
      background: CET('二、背景要求:背景布选取浅蓝色,要求垂感和吸光好。'),
      fileKb: CET_FILE,
      head: SCALED_HEAD,
    },
    fileNameRule: { text: '用本人身份证号命名，例如 110105199001011234.jpg', evidence: CET_FILE },
  },
  /** 全国计算机等级考试 (2024): at least 144×192, 48×33 mm, light blue, 20–200 KB. */
  {
    id: 'exam-ncre',
    version: 1,
    purpose: 'exam',
    title: '计算机等级考试',
    pixels: { width: 144, height: 192 },
    printMm: { width: 33, height: 48 },
    dpi: 111,
    background: { name: '浅蓝色', rgb: [200, 225, 245] },
    format: 'jpeg',
    jpegQuality: 95,
    fileKb: { min: 20, max: 200, unit: 'KB' },
    head: scaledHead(144, 192),
    evidence: {
      pixels: NCRE('3.成像要求:成像區上部空1/10,頭部佔7/10,肩部佔1/5,左右各空1/10。採集圖像大小最小為192*144(高*寬),成像區大小最小為48mm*33mm(高*寬)。'),
      printMm: NCRE('3.成像要求:成像區上部空1/10,頭部佔7/10,肩部佔1/5,左右各空1/10。採集圖像大小最小為192*144(高*寬),成像區大小最小為48mm*33mm(高*寬)。'),
      dpi: unverifiedBecause('来源没有写分辨率；111 DPI 是 144 像素对 33 mm 的换算'),
      background: NCRE('2.背景要求:背景布為淺藍色,要求垂感和吸光好。'),
      fileKb: NCRE('4.照片文件應為jpg格式,後綴名為jpg。5.照片文件大小要求:20KB-200KB。'),
      head: SCALED_HEAD,
    },
  },
  /** 学信网 学历照片 (a college's 2022 notice): 480×640, 300 dpi, JPG of 100 KB or more, light blue. */
  {
    id: 'exam-chsi',
    version: 1,
    purpose: 'exam',
    title: '学信网学历照片',
    pixels: { width: 480, height: 640 },
    printMm: { width: 41, height: 54 },
    dpi: 300,
    background: { name: '浅蓝色', rgb: [200, 225, 245] },
    format: 'jpeg',
    jpegQuality: 95,
    fileKb: { min: 100, max: 2048, unit: 'KB' },
    head: scaledHead(480, 640),
    evidence: {
      pixels: CHSI,
      printMm: unverifiedBecause('来源只写像素；41×54 mm 是 480×640 像素按 300 DPI 的换算'),
      dpi: CHSI,
      background: CHSI,
      fileKb: unverifiedBecause('来源写“文件大小: 100KB以上”，没有上限；2048 KB 是我们定的'),
      head: SCALED_HEAD,
    },
  },
  /**
   * 研究生考试 (网上确认): the system asks only for a 3:4 jpg under 10 MB on white or blue, as the 报考点 says; we make
   * 480×640, white first, blue allowed, and say that the 报考点 decides the colour.
   */
  {
    id: 'exam-postgraduate',
    version: 1,
    purpose: 'exam',
    title: '研究生考试',
    pixels: { width: 480, height: 640 },
    printMm: { width: 41, height: 54 },
    dpi: 300,
    background: WHITE,
    allowedBackgrounds: ['蓝色'],
    format: 'jpeg',
    jpegQuality: 90,
    fileKb: { min: 20, max: 500, unit: 'KB' },
    head: scaledHead(480, 640),
    evidence: {
      pixels: unverifiedBecause('来源只要求宽高比例 3:4（jpg 或 jpeg，建议不超过 10M）；480×640 是我们取的 3:4 尺寸'),
      printMm: unverifiedBecause('来源只写比例；41×54 mm 是 480×640 像素按 300 DPI 的换算'),
      dpi: AT_300('研究生考试网上确认的来源'),
      background: POSTGRAD_BACKGROUND,
      fileKb: unverifiedBecause('来源写“建议大小不超过10M”；20–500 KB 是我们定的，在其范围内'),
      head: SCALED_HEAD,
    },
    uploadNote: { text: '背景用白色还是蓝色，以报考点要求为准', evidence: POSTGRAD_BACKGROUND },
  },
  /** 会计资格考试 (中级 2025; 初级 asks for at least the same): 295×413, 30–300 KB, white, through the 财政部 photo tool. */
  {
    id: 'exam-accounting',
    version: 1,
    purpose: 'exam',
    title: '会计资格考试',
    pixels: { width: 295, height: 413 },
    printMm: { width: 25, height: 35 },
    dpi: 300,
    background: WHITE,
    format: 'jpeg',
    jpegQuality: 90,
    fileKb: { min: 30, max: 300, unit: 'KB' },
    head: scaledHead(295, 413),
    evidence: {
      pixels: ACCOUNTING('2、像素规格须为295px宽×413px高'),
      printMm: unverifiedBecause('来源只写像素；25×35 mm 是 295×413 像素按 300 DPI 的换算'),
      dpi: AT_300('会计资格考试的来源'),
      background: ACCOUNTING_JUNIOR('照片要求近期拍摄,背景为白色,格式为JPG,文件大小要大于10KB,像素要大于295*413,并且照片要清晰。'),
      fileKb: ACCOUNTING('3、文件大小在30KB-300KB之间'),
      head: SCALED_HEAD,
    },
    uploadNote: {
      text: '报名时须先用“财政部照片处理工具”审核处理这张照片，再上传',
      evidence: ACCOUNTING_JUNIOR('在上传照片之前,考生需要下载“财政部照片处理工具”,对原始照片进行审核处理。只有经过审核处理后的照片才能正常上传。'),
    },
  },
  /** 护照: the 指引's 354×472, 20–80 KB, 白色、浅灰色或淡蓝色 (an embassy abroad asks for white and 30–80 KB: its rule, not the 指引's). */
  exitEntryDocument('travel-passport', '护照', { min: 20, max: 80 }, {
    printMm: PASSPORT_ABROAD('照片尺寸:宽33mm,高48mm,其中头部宽度在15mm至22mm之间,头部高度(从下巴至头顶)在28mm至33mm之间,头顶至相片上边距离在3mm至5mm之间,人脸下颚以下到图像下边沿高度不小于7mm。'),
  }),
  /** 港澳通行证: 354×472, 30–80 KB, 白色、灰色或淡蓝色 (the 指引's 浅灰色). */
  exitEntryDocument('travel-hk-macau', '港澳通行证', { min: 30, max: 80 }, {
    fileKb: HK_MACAU('數字照片文件須為JPEG格式,文件大小在30K到80K字節之間。'),
    printMm: HK_MACAU('照片尺寸:寬33mm,高48mm,其中頭部寬度在15mm至22mm之間,頭部高度(從下巴至頭頂)在28mm至33mm之間,頭頂至相片上邊距離在3mm至5mm之間,人臉下颚以下到圖像下邊沿高度不小于7mm。'),
    background: HK_MACAU('背景為白色,灰色和淡藍色,請着與背景不同顔色的服裝。'),
  }),
]

/**
 * The catalogue entries the choice page offers: all of them. The exam photos whose KB minimum is above what a 4:2:0
 * JPEG of their pixels holds are made too (decision 016: 4:4:4 up to quality 100, then comment padding).
 */
export const OFFERED_CATALOGUE: readonly CatalogueSpec[] = CATALOGUE_SPECS

/** The document type whose receipt also serves this catalogue photo (护照, 港澳通行证 → 出入境), if any. */
export function catalogueReceiptDocument(id: string): DocumentType | undefined {
  return CATALOGUE_SPECS.find((s) => s.id === id)?.receiptDocument
}

/** What the user must know besides the spec, in words: the exam's file-name rule and what its site does first. */
export function catalogueNotes(id: string): string[] {
  const entry = CATALOGUE_SPECS.find((s) => s.id === id)
  return [entry?.fileNameRule?.text, entry?.uploadNote?.text].filter((t): t is string => !!t)
}

/** Any spec a photo can be made to: a receipt spec, an offered catalogue entry or a custom size (custom-size.ts). */
export function photoSpecById(id: string): SpecShape | undefined {
  const custom = parseCustomSpecId(id)
  return specById(id) ?? OFFERED_CATALOGUE.find((s) => s.id === id) ?? (custom && customSpec(custom))
}

export { scaledHead } from './head-rules'
