import * as v from 'valibot'
import { PHOTO_SPECS } from './specs'
import { OFFERED_CATALOGUE } from './catalogue'
import { parseCustomSpecId } from './custom-size'
import type { CheckResult } from './checks'
import { SHEET_IDS, type PlacedCopy, type SheetId } from './print-layout'

/** A file ID from storage: `cloud://…` in CloudBase and in the emulator. */
export const FileId = v.pipe(v.string('缺少照片文件'), v.regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9_\-./]{1,200}$/, '照片文件标识不正确'))

export const SpecId = v.union(
  [
    v.picklist(
      [...PHOTO_SPECS, ...OFFERED_CATALOGUE].map((s) => s.id),
      '不支持的证件规格',
    ),
    v.pipe(
      v.string('不支持的证件规格'),
      v.check((id) => !!parseCustomSpecId(id), '不支持的证件规格'),
    ),
  ],
  '不支持的证件规格',
)

/** `photo.normalize`: make the uploaded photo meet the spec and pre-check it. */
export const NormalizeInput = v.object({
  fileID: FileId,
  specId: SpecId,
  /** A background the spec allows (出入境: 白色、浅灰色、淡蓝色); the spec's own when absent. */
  background: v.optional(v.pipe(v.string(), v.maxLength(8))),
})
export type NormalizeInput = v.InferOutput<typeof NormalizeInput>

/** The normalised photo, stored privately; `url` is short-lived. */
export interface NormalizedPhoto {
  fileID: string
  url: string
  width: number
  height: number
  dpi: number
  bytes: number
}

export interface NormalizeResult {
  /** The stored record of this attempt, used later by orders. */
  photoId: string
  specId: string
  /** Absent when no single face could be found: nothing to crop. */
  photo?: NormalizedPhoto
  checks: CheckResult[]
  /** True when a blocking check failed: the user must retake. */
  blocked: boolean
  /** How many soft checks failed; the user may accept them explicitly. */
  warnings: number
}

/** Client-side preparation target: upload at most this many bytes and this long a side. */
export const UPLOAD_LIMITS = { maxBytes: 600 * 1024, maxSide: 1600 } as const

/** A photo record made by `photo.normalize`: `ph_` and 24 hex digits. */
export const PhotoId = v.pipe(v.string('缺少照片'), v.regex(/^ph_[0-9a-f]{24}$/, '照片标识不正确'))

/** `photo.file`: a fresh short-lived URL of the caller's own checked photo, the electronic photo to save. */
export const PhotoFileInput = v.object({ photoId: PhotoId })
export type PhotoFileInput = v.InferOutput<typeof PhotoFileInput>

/** The spec-exact JPEG as stored: its pixels, DPI and bytes are the file's own. */
export interface PhotoFile {
  specId: string
  url: string
  width: number
  height: number
  dpi: number
  bytes: number
}

/** `photo.printSheet`: a print sheet of the caller's own checked photo, its own size or 一寸 + 二寸 mixed. */
export const PrintSheetInput = v.object({
  photoId: PhotoId,
  sheet: v.picklist(SHEET_IDS, '不支持的相纸尺寸'),
  layout: v.optional(v.picklist(['spec', 'mixed'], '不支持的排版方式'), 'spec'),
})
export type PrintSheetInput = v.InferOutput<typeof PrintSheetInput>

/** The rendered sheet (private, short-lived URL) and where each copy lies on it, in pixels at `dpi`. */
export interface PrintSheetResult {
  url: string
  sheet: SheetId
  orientation: 'portrait' | 'landscape'
  width: number
  height: number
  dpi: number
  bytes: number
  copies: PlacedCopy[]
}
