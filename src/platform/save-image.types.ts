/**
 * Why an image was not saved. `cancelled` says nothing; `denied` (the album permission refused) can be fixed in the
 * settings; `privacy` (the privacy popup refused, or the album write not declared in the privacy guide) by agreeing
 * on the next try.
 */
export type SaveFailure = 'cancelled' | 'denied' | 'privacy' | 'failed'

export class SaveImageError extends Error {
  readonly reason: SaveFailure

  constructor(reason: SaveFailure, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason)
    this.name = 'SaveImageError'
    this.reason = reason
  }
}

/** `saved`: in the phone's album; `downloaded`: handed to the browser as a download. */
export type SaveOutcome = 'saved' | 'downloaded'
