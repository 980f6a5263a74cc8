import type { DocumentType } from '../photo/spec.types'
import type { Source } from '../sources/source'
import { allProvinces, type Province } from '../region'

/**
 * Where a photo receipt (照片回执) of a document type can be ordered: document type × region, each row resting on a
 * source that says the receipt is taken there. 社保卡 (社保卡数字相片回执), 出入境 (广东省内有效的数码相片检测回执)
 * and 居住证 receipts are Guangdong services. 身份证, 驾驶证 and 电子驾驶证 have no row yet: no source we found names
 * the regions that take them, so they stay offered in every city (the table narrows them once one does).
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
