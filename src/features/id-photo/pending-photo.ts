/**
 * The photo just taken or chosen, handed from the capture or choice page to the preview page.
 * Local paths (temp files, object URLs) live only in this app session, so they stay in memory
 * instead of travelling in the URL; after a reload the preview asks for a new photo.
 */
export interface PendingPhoto {
  path: string
  source: 'camera' | 'album'
}

let pending: PendingPhoto | undefined

export function setPendingPhoto(photo: PendingPhoto): void {
  pending = photo
}

export function pendingPhoto(): PendingPhoto | undefined {
  return pending
}
