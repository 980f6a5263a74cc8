import type { DocumentType } from '../photo/spec.types'
import type { Source } from '../sources/source'
import { allProvinces, type Province } from '../region'

/**
 * Where a photo receipt (照片回执) of a document type can be ordered: document type × region, each row resting on a
 * source that says the receipt is taken there. 社保卡 (社保卡数字相片回执), 出入境 (广东省内有效的数码相片检测回执),
 * 居住证 and 驾驶证 receipts are Guangdong services; 身份证 receipts are taken in the provinces a source lists
 * (广东、海南、安徽、湖南、贵州、青海; 江西 only in some cities it does not name, so not here). 电子驾驶证 has no row
 * yet: no source we found names the regions that take it, so it stays offered in every city.
 * Elsewhere the flow offers the electronic photo and the print sheet, and says how that office takes photos.
 */
export interface ReceiptCoverage {
  /** GB/T 2260 province prefixes (two digits) whose cities take the receipt. */
  provincePrefixes: readonly string[]
  /** Where, in words: 广东省. */
  where: string
  /** Shown where the receipt is not offered. */
  notOffered: string
  /** How offices outside the covered region take the photo (shown with the electronic photo and the print sheet). */
  elsewhere: string
  evidence: Source
}

export const RECEIPT_COVERAGE: Partial<Readonly<Record<DocumentType, ReceiptCoverage>>> = {
  /** 社保卡数字相片回执 is how Guangdong's 社保卡 applications take the photo (粤省事, 广东人社). */
  'social-security-card': {
    provincePrefixes: ['44'],
    where: '广东省',
    notOffered: '社保卡照片回执目前只受理广东省的城市；其他城市请保存电子照或打印排版照',
    elsewhere: '广东省以外申领社保卡，一般在社保卡服务银行网点现场拍照，或在当地人社的线上渠道上传电子照片，请以当地要求为准。',
    evidence: {
      url: 'https://www.zhaopianhuizhi.com/sbk/14390/.html',
      title: '【广东社保卡】社保卡办理超详细指南,“粤省事”在线办理一步一步带你办证!',
      quote: '【成年人首次申领】 有效居民身份证原件 社保卡数字相片回执(有效期90天) 《广东省社会保障卡申领登记表》(现场填写)',
      publishedOrChecked: '2026-12-02',
    },
  },
  /** 出入境 (护照, 港澳通行证) applications in Guangdong take a 数码相片检测回执 valid in the province. */
  'exit-entry': {
    provincePrefixes: ['44'],
    where: '广东省',
    notOffered: '出入境证件照片回执目前只受理广东省的城市；其他城市请保存电子照或打印排版照',
    elsewhere: '广东省以外办理护照、港澳通行证，一般在出入境窗口现场采集照片，或带符合要求的照片办理，请以当地要求为准。',
    evidence: {
      url: 'http://www.ccschy.com/techan/059a2cd1e8aa2be3ec34fdd8e738f662.html',
      title: '广州办理港澳通行证和护照能用同一份相片回执吗?',
      quote: '1.近期正面免冠蓝底彩色相片1张及广东省内有效的数码相片检测回执。',
      publishedOrChecked: '2023-02-10',
    },
  },
  /** 身份证 receipts: the provinces a receipt guide names (江西省 "部分城市" left out: it does not say which). */
  'id-card': {
    provincePrefixes: ['44', '46', '34', '43', '52', '63'],
    where: '广东省、海南省、安徽省、湖南省、贵州省、青海省',
    notOffered: '身份证照片回执目前只受理广东、海南、安徽、湖南、贵州、青海的城市；其他城市请保存电子照或打印排版照',
    elsewhere: '这些省份以外办理居民身份证，一般在派出所或户籍窗口现场拍照，请以当地要求为准。',
    evidence: {
      url: 'https://www.dtzjz.com/zphzbl/2420.html',
      title: '数码照片回执详解:定义、应用场景与办理指南',
      quote: '需注意的是,并非所有城市均支持通过照片回执办理身份证业务,目前支持该方式的地区包括:广东省、海南省、安徽省、江西省(部分城市)、海口市、湖南省、贵州省及青海省。',
      publishedOrChecked: '2026-12-02',
    },
  },
  /** 驾驶证 receipts: a receipt service issues them for Guangdong only (its list; no source names another province). */
  'driving-licence': {
    provincePrefixes: ['44'],
    where: '广东省',
    notOffered: '驾驶证照片回执目前只受理广东省的城市；其他城市请保存电子照或打印排版照',
    elsewhere: '广东省以外办理驾驶证，一般在车管所现场拍照，或带符合要求的照片办理，请以当地要求为准。',
    evidence: {
      url: 'https://023wlan.com/相片回执/2627.html',
      title: '照片申请回执什么意思啊',
      quote: '社保卡、驾驶证、保安证以及其余证件照片回执单只有广东地区可以办理!',
      publishedOrChecked: '2026-12-02',
    },
  },
  'residence-permit': {
    provincePrefixes: ['44'],
    where: '广东省',
    notOffered: '居住证照片回执目前只受理广东省的城市，请选择广东省内办理居住证的城市',
    elsewhere: '广东省以外办理居住证，一般在派出所或居住证受理点现场拍照，或带符合要求的照片办理，请以当地要求为准。',
    evidence: {
      url: 'https://zhaopianhuizhi.com/jzz/5991/.html',
      title: '广东居住证照片几寸啊怎么弄',
      quote: '照片还需经过相关部门的检验、审核,合格后给居民发放一张照片回执单,作为人像采集合格的凭证,后续无需再次提交照片,或是拍摄照片,办理居住证时,提供照片回执单即可。',
      publishedOrChecked: '2026-12-02',
    },
  },
}

/** True where a receipt of this document type can be ordered for this city. */
export function receiptOffered(documentType: DocumentType, cityCode: string): boolean {
  const coverage = RECEIPT_COVERAGE[documentType]
  return !coverage || coverage.provincePrefixes.includes(cityCode.slice(0, 2))
}

/** Why a receipt of this type is not offered here, or undefined where it is. */
export function receiptNotOffered(documentType: DocumentType, cityCode: string): string | undefined {
  return receiptOffered(documentType, cityCode) ? undefined : RECEIPT_COVERAGE[documentType]?.notOffered
}

/** Where receipts of this type are taken, in words (广东省), or undefined where every city takes them. */
export function receiptRegion(documentType: DocumentType): string | undefined {
  return RECEIPT_COVERAGE[documentType]?.where
}

/** The provinces, each with only its cities, where a receipt of this document type can be ordered. */
export function provincesWithReceipt(documentType: DocumentType, provinces: readonly Province[] = allProvinces()): Province[] {
  return provinces.map((p) => ({ ...p, cities: p.cities.filter((c) => receiptOffered(documentType, c.code)) })).filter((p) => p.cities.length > 0)
}

/** How one city's office takes the photo of a document type where we sell no receipt, as a source states it. */
export interface OfficePhotoWay {
  documentType: DocumentType
  cityCode: string
  cityName: string
  text: string
  evidence: Source
}

/**
 * The cities whose way of taking photos a source states (北京 社保卡: first-time applicants upload their own photo on
 * the 北京人社 site). Every other city outside the coverage gets its type's general `elsewhere` sentence, which
 * promises nothing.
 */
export const OFFICE_PHOTO_WAYS: readonly OfficePhotoWay[] = [
  {
    documentType: 'social-security-card',
    cityCode: '110000',
    cityName: '北京市',
    text: '北京市首次申领社保卡，由本人（或他人代为）在北京市人力资源和社会保障局网站“社会保障卡照片采集”上传本人近期正面、免冠、彩色、白底的电子照片，请以网站要求为准。',
    evidence: {
      url: 'https://finance.sina.com.cn/jjxw/2023-11-10/doc-imzucyfi0638878.shtml',
      title: '北京社保卡照片采集有了新方式',
      quote: '北京市社会保险网上服务平台新系统于日前上线,社保卡照片采集有了新方式,第一次在北京参加社会保险的参保人需要自行提交照片或由他人代为提交照片才能申领社会保障卡。',
      publishedOrChecked: '2023-11-10',
    },
  },
]

/**
 * How the office of this city takes the photo where no receipt is sold, in sentences: the city's sourced way first
 * where a source states it, then the type's general sentence.
 */
export function officePhotoWays(documentType: DocumentType, cityCode: string | undefined): string[] {
  const city = cityCode ? OFFICE_PHOTO_WAYS.filter((w) => w.documentType === documentType && w.cityCode === cityCode) : []
  const general = RECEIPT_COVERAGE[documentType]?.elsewhere
  return [...city.map((w) => w.text), ...(general ? [general] : [])]
}
