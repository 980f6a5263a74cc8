import { useCallback, useRef, useState } from 'react'
import { showToast } from '@/platform/device'
import { messageOf } from '@/platform/reply'
import { SaveImageError, canOpenAlbumSettings, openAlbumSettings, saveImage } from '@/platform/save-image'
import { COPY } from './copy'

export interface SavePhoto {
  saving: boolean
  /** Why the last save failed, in words that say what to do; undefined after a success or a cancel. */
  error?: string
  /** The album permission was refused: offer the settings page (weapp only). */
  showSettings: boolean
  save: () => void
  openSettings: () => void
}

/**
 * Saves an image to the album (weapp) or downloads it (H5): `locate` answers a fresh URL and the file name each
 * time, so a retry after the privacy popup, the settings page or a lost network starts over cleanly.
 */
export function useSavePhoto(locate: () => Promise<{ url: string; fileName: string }>): SavePhoto {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string>()
  const [denied, setDenied] = useState(false)
  const busy = useRef(false)
  const locateRef = useRef(locate)
  locateRef.current = locate

  const save = useCallback(() => {
    if (busy.current) return
    busy.current = true
    setSaving(true)
    setError(undefined)
    setDenied(false)
    void (async () => {
      try {
        const { url, fileName } = await locateRef.current()
        const outcome = await saveImage(url, fileName)
        void showToast(outcome === 'saved' ? COPY.save.saved : COPY.save.downloaded, 'success')
      } catch (e) {
        if (!(e instanceof SaveImageError)) setError(messageOf(e))
        else if (e.reason === 'denied') {
          setDenied(true)
          setError(COPY.save.denied)
        } else if (e.reason === 'privacy') setError(COPY.save.privacy)
        else if (e.reason === 'failed') setError(COPY.save.failed)
      } finally {
        busy.current = false
        setSaving(false)
      }
    })()
  }, [])

  return { saving, error, showSettings: denied && canOpenAlbumSettings, save, openSettings: () => void openAlbumSettings() }
}
