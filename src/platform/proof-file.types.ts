/** The file types a proof may have (the cancellation function checks the bytes again). */
export const PROOF_EXTENSIONS = ['jpg', 'jpeg', 'png', 'pdf'] as const
export type ProofExt = (typeof PROOF_EXTENSIONS)[number]

/** A proof the user picked, ready for `uploadFile`. */
export interface ProofFile {
  /** A local path the cloud port can upload: a temp file in WeChat, an object URL in the browser. */
  path: string
  /** The file's name as the user knows it (a chat file keeps its name; a photo gets the temp file's). */
  name: string
  /** Bytes. */
  size: number
  ext: ProofExt
}

/** What the WeChat action sheet offers; the page passes its own words. */
export interface ProofSourceLabels {
  chat: string
  camera: string
  album: string
}

/** The extension of a file name, lower case, when it is one we take. */
export function proofExtOf(name: string): ProofExt | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase()
  return (PROOF_EXTENSIONS as readonly string[]).includes(ext ?? '') ? (ext as ProofExt) : undefined
}
