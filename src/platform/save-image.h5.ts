import { type SaveOutcome } from './save-image.types'

export { SaveImageError, type SaveFailure, type SaveOutcome } from './save-image.types'

const API_BASE = process.env.TARO_APP_API_BASE ?? ''

/** A browser cannot send people to app settings. */
export const canOpenAlbumSettings = false

export async function openAlbumSettings(): Promise<void> {}

/**
 * H5 build: hands the image to the browser as a download link, opened in a new tab where the browser shows it
 * instead (phones without a download folder). https://developer.mozilla.org/docs/Web/HTML/Element/a#download
 */
export async function saveImage(url: string, fileName: string): Promise<SaveOutcome> {
  const link = document.createElement('a')
  link.href = url.startsWith('/') ? `${API_BASE}${url}` : url
  link.download = fileName
  link.target = '_blank'
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  return 'downloaded'
}
