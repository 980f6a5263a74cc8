import type * as v from 'valibot'
import type { ApplicationInput } from '@/domain/cancellation/cancellation.schema'
import type { ApplicationSummary, ApplicationView } from '@/domain/cancellation/cancellation.view'
import type { MaterialKind } from '@/domain/cancellation/reasons'
import type { TemplateKey } from '@/domain/notify/templates'
import { uploadFile } from '@/platform/cloud'
import { createFunctionClient } from '@/platform/function-client'
import type { ProofFile } from '@/platform/proof-file'
import { COPY } from './copy'

/** The form as typed; the function normalises and checks it again. */
export type ApplicationForm = v.InferInput<typeof ApplicationInput>

/**
 * The cancellation function's actions as the pages use them. Only reads retry. Errors keep the server's Chinese
 * message; a missing function (not deployed, or not in the emulator yet) gets a sentence people can act on.
 */
const call = createFunctionClient('cancellation', COPY.common.serviceMissing)

export function listApplications(): Promise<ApplicationSummary[]> {
  return call<ApplicationSummary[]>('list', {}, 2)
}

export function getApplication(applicationId: string): Promise<ApplicationView> {
  return call<ApplicationView>('get', { applicationId }, 2)
}

/** A new draft, or changes to a draft or a rejected application (`applicationId` in the form). */
/** The form as the function takes it: the insured person typed in, or one of the user's 常用办理人 by its id (filled on the server). */
export type ApplicationToSave = ApplicationForm | (Omit<ApplicationForm, 'insured'> & { profileId: string; requestId?: string })

export function saveApplication(form: ApplicationToSave): Promise<ApplicationView> {
  return call<ApplicationView>('save', form)
}

/** One proof: where to put it, the upload itself, then `attach`, which checks the bytes and records it. */
export async function uploadProof(applicationId: string, kind: MaterialKind, file: ProofFile): Promise<ApplicationView> {
  const { cloudPath } = await call<{ cloudPath: string }>('uploadTarget', { applicationId, kind, ext: file.ext })
  const fileID = await uploadFile(file.path, cloudPath)
  return call<ApplicationView>('attach', { applicationId, kind, fileID, name: file.name.slice(0, 100) })
}

export function removeMaterial(applicationId: string, materialId: string): Promise<ApplicationView> {
  return call<ApplicationView>('removeMaterial', { applicationId, materialId })
}

/** Submits (or resubmits after a rejection), with the result notification the user accepted on that tap. */
export function submitApplication(applicationId: string, subscribed: TemplateKey[]): Promise<ApplicationView> {
  return call<ApplicationView>('submit', { applicationId, subscribed })
}
