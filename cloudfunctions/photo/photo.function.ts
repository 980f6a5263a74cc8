import { randomBytes } from 'node:crypto'
import { AppError } from '../../src/domain/errors'
import { NormalizeInput, PhotoFileInput, PrintSheetInput, type NormalizeResult, type PhotoFile, type PrintSheetResult } from '../../src/domain/photo/photo.schema'
import { layoutSheet, ONE_INCH, sheetById, TWO_INCH, type CopySize } from '../../src/domain/photo/print-layout'
import { withBackground } from '../../src/domain/photo/backgrounds'
import { photoSpecById } from '../../src/domain/photo/catalogue'
import * as v from 'valibot'
import { hmacHex } from '../_shared/crypto'
import { action, defineFunction, type Ctx } from '../_shared/handler'
import { photos, type PhotoDoc } from '../_shared/photo/photo.store'
import type { normalizePhoto as NormalizePhoto } from '../_shared/photo/pipeline'

/** Temporary URLs for photos live 10 minutes: long enough to look, too short to share. */
const URL_MAX_AGE_SECONDS = 600

async function download(ctx: Ctx, fileID: string): Promise<Buffer> {
  try {
    return await ctx.files.download(fileID)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('FILE_NOT_FOUND')
  }
}

/**
 * Each user uploads raw photos under a folder named by a keyed hash of their openid, so a photo can
 * only be normalised by the user who uploaded it (the folder cannot be guessed from outside).
 */
export function rawFolderOf(ctx: Pick<Ctx, 'caller' | 'config'>): string {
  return `photos/raw/u${hmacHex(ctx.config.dataKey.toString('hex'), `raw-folder:${ctx.caller.openid}`).slice(0, 20)}`
}

/** `photo.uploadTarget`: where the client uploads the next raw photo. */
function uploadTarget(ctx: Ctx): { cloudPath: string } {
  return { cloudPath: `${rawFolderOf(ctx)}/${randomBytes(16).toString('hex')}.jpg` }
}

/**
 * `photo.normalize`: fetch the uploaded photo, normalise it to the spec, pre-check it, store the result
 * privately, and delete the raw upload (it is no longer needed; PIPL asks us to keep no more than that).
 */
async function normalize(input: NormalizeInput, ctx: Ctx): Promise<NormalizeResult> {
  const base = photoSpecById(input.specId)
  if (!base) throw new AppError('VALIDATION_FAILED', '不支持的证件规格')
  const spec = withBackground(base, input.background)
  if (!spec) throw new AppError('VALIDATION_FAILED', '这个规格不能使用所选的背景颜色', [{ path: 'background', message: '这个规格不能使用所选的背景颜色' }])
  if (!input.fileID.includes(`/${rawFolderOf(ctx)}/`)) {
    ctx.log.warn('photo of another user refused', { openid: ctx.caller.openid })
    throw new AppError('FORBIDDEN', '只能检测您自己上传的照片')
  }
  const raw = await download(ctx, input.fileID)
  // The pipeline (sharp, face-api, tfjs) loads on the first normalisation, not on every cold start.
  const { normalizePhoto } = await import('../_shared/photo/pipeline')
  let result: Awaited<ReturnType<typeof NormalizePhoto>>
  try {
    result = await normalizePhoto(raw, spec)
  } catch (error) {
    if (error instanceof AppError) await ctx.files.remove([input.fileID])
    throw error
  }
  const photoId = `ph_${randomBytes(12).toString('hex')}`
  const doc: PhotoDoc = {
    _id: photoId,
    openid: ctx.caller.openid,
    specId: spec.id,
    specVersion: spec.version,
    background: spec.background.name,
    checks: result.checks,
    statusText: result.blocked ? '未通过检测，需重拍' : result.warnings ? '通过检测（有提示）' : '通过检测',
    blocked: result.blocked,
    warnings: result.warnings,
    createdAt: ctx.clock.now().toISOString(),
  }
  let photo: NormalizeResult['photo']
  if (result.output) {
    const { fileID } = await ctx.files.upload(`photos/normalized/${photoId}.jpg`, result.output.jpeg)
    const [{ url }] = await ctx.files.tempUrls([fileID], URL_MAX_AGE_SECONDS)
    Object.assign(doc, { fileID, width: result.output.width, height: result.output.height, dpi: result.output.dpi, bytes: result.output.bytes })
    photo = { fileID, url, width: result.output.width, height: result.output.height, dpi: result.output.dpi, bytes: result.output.bytes }
  }
  await photos(ctx).add(doc)
  await ctx.files.remove([input.fileID])
  ctx.log.info('photo normalized', { photoId, specId: spec.id, blocked: result.blocked, ms: result.timings })
  return { photoId, specId: spec.id, photo, checks: result.checks, blocked: result.blocked, warnings: result.warnings }
}

/** The caller's own photo that passed its checks; another user's is answered like a missing one, so ids cannot be probed. */
async function printablePhoto(ctx: Ctx, photoId: string): Promise<PhotoDoc & { fileID: string }> {
  const doc = await photos(ctx).get(photoId)
  if (!doc || doc.openid !== ctx.caller.openid) {
    if (doc) ctx.log.warn('photo of another user refused', { openid: ctx.caller.openid })
    throw new AppError('PHOTO_NOT_FOUND')
  }
  if (doc.blocked || !doc.fileID || !photoSpecById(doc.specId)) throw new AppError('PHOTO_NOT_PRINTABLE')
  return doc as PhotoDoc & { fileID: string }
}

/** `photo.file`: the electronic photo (the stored spec-exact JPEG, byte for byte) behind a fresh short-lived URL. */
async function photoFile(input: PhotoFileInput, ctx: Ctx): Promise<PhotoFile> {
  const doc = await printablePhoto(ctx, input.photoId)
  const [{ url }] = await ctx.files.tempUrls([doc.fileID], URL_MAX_AGE_SECONDS)
  return { specId: doc.specId, url, width: doc.width ?? 0, height: doc.height ?? 0, dpi: doc.dpi ?? 0, bytes: doc.bytes ?? 0 }
}

/**
 * `photo.printSheet`: a print sheet (排版照) of the caller's own checked photo at 300 DPI — copies at the spec's
 * print size, or 二寸 and 一寸 mixed — stored privately beside the photo (retention deletes it with the photo).
 */
async function printSheet(input: PrintSheetInput, ctx: Ctx): Promise<PrintSheetResult> {
  const doc = await printablePhoto(ctx, input.photoId)
  const spec = photoSpecById(doc.specId)!
  const sheet = sheetById(input.sheet)!
  const sizes: CopySize[] = input.layout === 'mixed' ? [TWO_INCH, ONE_INCH] : [{ key: spec.id, title: spec.title, mm: spec.printMm }]
  const layout = layoutSheet(sheet, sizes)
  const photo = await download(ctx, doc.fileID)
  const { renderPrintSheet } = await import('../_shared/photo/print-sheet')
  const jpeg = await renderPrintSheet(photo, layout)
  const { fileID } = await ctx.files.upload(`photos/sheets/${doc._id}-${input.sheet}-${input.layout}.jpg`, jpeg)
  if (!(doc.sheetFileIDs ?? []).includes(fileID)) await photos(ctx).update({ _id: doc._id }, { set: { sheetFileIDs: [...(doc.sheetFileIDs ?? []), fileID] } })
  const [{ url }] = await ctx.files.tempUrls([fileID], URL_MAX_AGE_SECONDS)
  return { url, sheet: sheet.id, orientation: layout.orientation, width: layout.width, height: layout.height, dpi: layout.dpi, bytes: jpeg.length, copies: layout.copies }
}

export const photoFunction = defineFunction({
  name: 'photo',
  actions: {
    uploadTarget: action({ input: v.optional(v.object({}), {}), run: async (_input, ctx) => uploadTarget(ctx) }),
    normalize: action({ input: NormalizeInput, run: normalize }),
    file: action({ input: PhotoFileInput, run: photoFile }),
    printSheet: action({ input: PrintSheetInput, run: printSheet }),
  },
})
