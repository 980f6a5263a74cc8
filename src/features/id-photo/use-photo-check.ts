import { useCallback, useEffect, useRef, useState } from 'react'
import { AppError } from '@/domain/errors'
import type { NormalizeResult } from '@/domain/photo/photo.schema'
import { callFunction, uploadFile } from '@/platform/cloud'
import { MediaError, preparePhoto, type PreparedPhoto } from '@/platform/media'
import { messageOf } from '@/platform/reply'
import { COPY, mediaFailureMessage } from './copy'
import type { PendingPhoto } from './pending-photo'
import { chosenBackground } from './hand-off'

/** Where the check is: the three steps the user sees, then the result or the failure. */
export type CheckPhase = 'preparing' | 'uploading' | 'checking' | 'done' | 'failed'

export interface PhotoCheck {
  phase: CheckPhase
  /** The step that failed, when phase is `failed`. */
  failedAt?: CheckPhase
  result?: NormalizeResult
  error?: string
  /**
   * Goes on from the step that failed. A prepared photo is not prepared again; after a failed check the photo
   * is uploaded again, since the function deletes the raw upload once it has looked at it.
   */
  retry: () => void
}

function messageFor(error: unknown): string {
  if (error instanceof MediaError) return mediaFailureMessage(error) ?? COPY.preview.missingPhoto
  if (error instanceof AppError && error.code === 'UNKNOWN_FUNCTION') return COPY.preview.serviceMissing
  return messageOf(error)
}

/**
 * Prepares the photo on the phone, uploads it to private storage as `photos/raw/<32 hex>.jpg`,
 * then asks the `photo` function to normalise and pre-check it for the spec.
 */
export function usePhotoCheck(specId: string, photo: PendingPhoto | undefined): PhotoCheck {
  const [state, setState] = useState<Omit<PhotoCheck, 'retry'>>({ phase: 'preparing' })
  const work = useRef<{ photo?: PendingPhoto; prepared?: PreparedPhoto; fileID?: string; run: number }>({ run: 0 })

  const run = useCallback(async () => {
    if (!photo) return
    const w = work.current
    if (w.photo !== photo) {
      w.photo = photo
      w.prepared = undefined
      w.fileID = undefined
    }
    const id = ++w.run
    const live = () => w.run === id
    const at: { step: CheckPhase } = { step: 'preparing' }
    const enter = (phase: CheckPhase) => {
      at.step = phase
      if (live()) setState({ phase })
    }
    try {
      enter('preparing')
      w.prepared ??= await preparePhoto(photo.path)
      enter('uploading')
      if (!w.fileID) {
        const { cloudPath } = await callFunction<{ cloudPath: string }>('photo', 'uploadTarget', {}, { retries: 2 })
        w.fileID = await uploadFile(w.prepared.path, cloudPath)
      }
      enter('checking')
      const result = await callFunction<NormalizeResult>('photo', 'normalize', { fileID: w.fileID, specId, background: chosenBackground() })
      if (live()) setState({ phase: 'done', result })
    } catch (error) {
      if (at.step === 'checking') w.fileID = undefined
      if (live()) setState({ phase: 'failed', failedAt: at.step, error: messageFor(error) })
    }
  }, [photo, specId])

  useEffect(() => {
    void run()
  }, [run])

  const retry = useCallback(() => void run(), [run])
  return { ...state, retry }
}
