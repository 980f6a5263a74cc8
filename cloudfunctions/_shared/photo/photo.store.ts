import type { CheckResult } from '../../../src/domain/photo/checks'
import type { Ports } from '../ports'

/** One normalisation attempt, kept so an order can refer to the photo it was checked with. */
export interface PhotoDoc {
  _id: string
  openid: string
  specId: string
  specVersion: number
  /** The background it was made with, when the spec lets the user choose (出入境: 白色、浅灰色、淡蓝色). */
  background?: string
  /** The normalised photo (private); absent when no single face was found. */
  fileID?: string
  width?: number
  height?: number
  dpi?: number
  bytes?: number
  /** Print sheets made of this photo (`photo.printSheet`), deleted with it. */
  sheetFileIDs?: string[]
  checks: CheckResult[]
  /** Human-readable outcome for the CloudBase console. */
  statusText: string
  blocked: boolean
  warnings: number
  createdAt: string
}

/** The `photos` collection: written by the photo function, read by orders, operators and retention. */
export const photos = (ports: Pick<Ports, 'db'>) => ports.db.collection<PhotoDoc>('photos')
