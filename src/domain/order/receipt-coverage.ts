import type { DocumentType } from '../photo/spec.types'
import type { Source } from '../sources/source'
import { allProvinces, type Province } from '../region'

/**
 * Where a photo receipt (照片回执) of a document type can be ordered. A 居住证 photo receipt is a Guangdong
 * service: the only receipt source we found for 居住证 is Guangdong's, where the receipt replaces the photo when
 * applying. Other document types are offered in every city until the coverage table of the photo-products issue
 * (document type × region, sourced) narrows them.
 */
export interface ReceiptCoverage {
  /** GB/T 2260 province prefixes (two digits) whose cities take the receipt. */
  provincePrefixes: readonly string[]
  /** Where, in words: 广东省. */
  where: string
  /** Shown where the receipt is not offered. */
  notOffered: string
  evidence: Source
}

export const RECEIPT_COVERAGE: Partial<Readonly<Record<DocumentType, ReceiptCoverage>>> = {
  'residence-permit': {
    provincePrefixes: ['44'],
    where: '广东省',
    notOffered: '居住证照片回执目前只受理广东省的城市，请选择广东省内办理居住证的城市',
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

/** The provinces, each with only its cities, where a receipt of this document type can be ordered. */
export function provincesWithReceipt(documentType: DocumentType, provinces: readonly Province[] = allProvinces()): Province[] {
  return provinces.map((p) => ({ ...p, cities: p.cities.filter((c) => receiptOffered(documentType, c.code)) })).filter((p) => p.cities.length > 0)
}
