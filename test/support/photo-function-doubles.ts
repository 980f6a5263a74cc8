import sharp from 'sharp'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler'
import { CHECK_COPY, judge, verdict } from '@/domain/photo/checks'
import type { NormalizeResult } from '@/domain/photo/photo.schema'

/** What reached storage before the photo function looked at it. */
export interface RawUpload {
  fileID: string
  bytes: number
  width: number
  height: number
  /** EXIF orientation left in the file, if any. */
  orientation?: number
  format?: string
}

/** The real photo function, recording each raw upload (size, pixels, EXIF orientation) before it runs. */
export function recordingRawUploads(real: FunctionDef, uploads: RawUpload[]): FunctionDef {
  const normalize = real.actions.normalize
  return {
    name: real.name,
    actions: {
      ...real.actions,
      normalize: {
        ...normalize,
        async run(input, ctx) {
          const { fileID } = input as { fileID: string }
          const raw = await ctx.files.download(fileID)
          const meta = await sharp(raw).metadata()
          uploads.push({ fileID, bytes: raw.length, width: meta.width ?? 0, height: meta.height ?? 0, orientation: meta.orientation, format: meta.format })
          return normalize.run(input, ctx)
        },
      },
    },
  }
}

/** The real photo function, with the background check turned into a failed soft check: a photo the user may accept. */
export function withBackgroundWarning(real: FunctionDef): FunctionDef {
  const normalize = real.actions.normalize
  return {
    name: real.name,
    actions: {
      ...real.actions,
      normalize: {
        ...normalize,
        async run(input, ctx) {
          const result = (await normalize.run(input, ctx)) as NormalizeResult
          const checks = result.checks.map((c) => (c.id === 'background' ? { ...c, passed: false, message: CHECK_COPY.background.high } : c))
          return { ...result, checks, ...verdict(checks) }
        },
      },
    },
  }
}

/**
 * The real photo function with the two obstruction hints added, as the pipeline reports them when they fire
 * (eyebrows: a fringe over the brows; glare: a reflection on a lens; test/cloudfunctions/photo-quality.test.ts
 * shows the pipeline raising each on a fixture photo).
 */
export function withObstructionWarnings(real: FunctionDef): FunctionDef {
  const normalize = real.actions.normalize
  return {
    name: real.name,
    actions: {
      ...real.actions,
      normalize: {
        ...normalize,
        async run(input, ctx) {
          const result = (await normalize.run(input, ctx)) as NormalizeResult
          const hints = [judge('eyebrows', 82, { max: 50, unit: '% 眉上为头发' }), judge('glare', 11.5, { max: 4, unit: '% 镜片反光' })]
          const at = result.checks.findIndex((c) => c.id === 'sharpness') + 1
          const checks = [...result.checks.slice(0, at), ...hints, ...result.checks.slice(at)]
          return { ...result, checks, ...verdict(checks) }
        },
      },
    },
  }
}
