import { randomBytes } from 'node:crypto'
import { AppError } from '../../src/domain/errors'
import { NormalizeInput, type NormalizeResult } from '../../src/domain/photo/photo.schema'
import { specById } from '../../src/domain/photo/specs'
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
  const spec = specById(input.specId)
  if (!spec) throw new AppError('VALIDATION_FAILED', '不支持的证件规格')
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

export const photoFunction = defineFunction({
  name: 'photo',
  actions: {
    uploadTarget: action({ input: v.optional(v.object({}), {}), run: async (_input, ctx) => uploadTarget(ctx) }),
    normalize: action({ input: NormalizeInput, run: normalize }),
  },
})
