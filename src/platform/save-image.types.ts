/** Why an image was not saved. `cancelled` says nothing; `denied` can be fixed in the settings. */
export type SaveFailure = 'cancelled' | 'denied' | 'failed'

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
