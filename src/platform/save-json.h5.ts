import type { SavedJson } from './save-json.types'

export type { SavedJson } from './save-json.types'

/**
 * H5 build: the JSON as a Blob (https://developer.mozilla.org/docs/Web/API/Blob) handed to the browser as a
 * download through a link with `download` (https://developer.mozilla.org/docs/Web/HTML/Element/a#download).
 */
export async function saveJson(name: string, data: unknown): Promise<SavedJson> {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { kind: 'downloaded', name }
}

/** A browser keeps the download itself; there is no chat to send it to. */
export const canShareFile = false

export async function shareFile(_path: string, _name: string): Promise<void> {}
