import type { PhotoFile, PrintSheetInput, PrintSheetResult } from '@/domain/photo/photo.schema'
import { createFunctionClient } from '@/platform/function-client'
import { COPY } from './copy'

const call = createFunctionClient('photo', COPY.preview.serviceMissing)

/** The electronic photo of a checked photo, behind a fresh short-lived URL (a read: retried once). */
export const photoFile = (photoId: string) => call<PhotoFile>('file', { photoId }, 1)

/** A print sheet of a checked photo; the server stores it under a fixed name, so a retry makes the same file. */
export const printSheet = (input: PrintSheetInput) => call<PrintSheetResult>('printSheet', input, 1)
