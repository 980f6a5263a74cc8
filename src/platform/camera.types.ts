import type { ReactNode } from 'react'

/** Where the live camera is: opening, showing a picture, refused by the user, or not there at all. */
export type CameraStatus = 'starting' | 'ready' | 'denied' | 'unavailable'

export interface CameraHandle {
  /** Takes a photo, not mirrored, and returns its local path. */
  takePhoto(): Promise<string>
}

export interface CameraViewProps {
  className?: string
  onStatus: (status: CameraStatus) => void
  /** Drawn over the picture (the guide outline). */
  children?: ReactNode
}
