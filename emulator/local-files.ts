import { createHmac, timingSafeEqual } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { AppError } from '../src/domain/errors'
import type { Files } from '../cloudfunctions/_shared/ports'

export const LOCAL_FILE_PREFIX = 'cloud://local.huizhi/'

/** A cloud path is relative, made of safe segments, and never climbs out of the storage root. */
export function checkCloudPath(cloudPath: string): string {
  const ok =
    cloudPath.length > 0 &&
    cloudPath.length <= 200 &&
    /^[A-Za-z0-9_\-./]+$/.test(cloudPath) &&
    !cloudPath.startsWith('/') &&
    cloudPath.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..')
  if (!ok) throw new AppError('VALIDATION_FAILED', '文件路径不合法')
  return cloudPath
}

/**
 * Private files on disk under `<dataDir>/files`, with short-lived signed URLs,
 * standing in for CloudBase storage and getTempFileURL(maxAge).
 */
export class LocalFiles implements Files {
  constructor(private readonly root: string, private readonly secret: string, private readonly baseUrl: () => string) {}

  private pathOf(fileID: string): string {
    if (!fileID.startsWith(LOCAL_FILE_PREFIX)) throw new AppError('FILE_NOT_FOUND')
    return path.join(this.root, checkCloudPath(fileID.slice(LOCAL_FILE_PREFIX.length)))
  }

  async upload(cloudPath: string, content: Buffer) {
    const target = path.join(this.root, checkCloudPath(cloudPath))
    await fs.mkdir(path.dirname(target), { recursive: true })
    const tmp = `${target}.${process.pid}.tmp`
    await fs.writeFile(tmp, content)
    await fs.rename(tmp, target)
    return { fileID: LOCAL_FILE_PREFIX + cloudPath }
  }

  async download(fileID: string) {
    try {
      return await fs.readFile(this.pathOf(fileID))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('FILE_NOT_FOUND')
      throw error
    }
  }

  async tempUrls(fileIDs: readonly string[], maxAgeSeconds: number) {
    const expires = Math.floor(Date.now() / 1000) + maxAgeSeconds
    return fileIDs.map((fileID) => {
      const cloudPath = fileID.slice(LOCAL_FILE_PREFIX.length)
      const sig = this.sign(cloudPath, expires)
      return { fileID, url: `${this.baseUrl()}/files/${cloudPath}?expires=${expires}&sig=${sig}` }
    })
  }

  async remove(fileIDs: readonly string[]) {
    await Promise.all(fileIDs.map((id) => fs.rm(this.pathOf(id), { force: true })))
  }

  sign(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${cloudPath}\n${expires}`).digest('hex')
  }

  /** Checks a signed URL's path, expiry and signature; returns the bytes. */
  async readSigned(cloudPath: string, expires: number, sig: string, nowSeconds: number): Promise<Buffer> {
    checkCloudPath(cloudPath)
    if (!Number.isFinite(expires) || expires < nowSeconds) throw new AppError('URL_EXPIRED')
    const expected = Buffer.from(this.sign(cloudPath, expires))
    const given = Buffer.from(sig)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('FORBIDDEN')
    return this.download(LOCAL_FILE_PREFIX + cloudPath)
  }
}
