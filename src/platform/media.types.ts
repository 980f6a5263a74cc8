/** Why taking or choosing a photo did not give us one. Pages pick the sentence; `cancelled` is silent. */
export type MediaFailure = 'cancelled' | 'denied' | 'privacy' | 'unavailable' | 'unreadable'

export class MediaError extends Error {
  readonly reason: MediaFailure

  constructor(reason: MediaFailure, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason)
    this.name = 'MediaError'
    this.reason = reason
  }
}

/** A photo ready for upload: upright, at most UPLOAD_LIMITS in pixels and bytes. */
export interface PreparedPhoto {
  /** A local path the cloud port can upload: a temp file in WeChat, an object URL in the browser. */
  path: string
  width: number
  height: number
  bytes: number
}
