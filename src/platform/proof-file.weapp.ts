import Taro from '@tarojs/taro'
import { AppError } from '@/domain/errors'
import { MediaError, type MediaFailure } from './media.types'
import { PROOF_EXTENSIONS, proofExtOf, type ProofFile, type ProofSourceLabels } from './proof-file.types'

export type { ProofExt, ProofFile, ProofSourceLabels } from './proof-file.types'

/**
 * weapp build: a proof comes from a chat (PDF or picture people were sent, or sent to themselves in 文件传输助手),
 * or is photographed, or taken from the album. An action sheet asks which. These are privacy interfaces: declare
 * them in the privacy guide, or they fail with errno 112
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html).
 */

interface WxFailure {
  errMsg?: string
  errno?: number
}

const cancelled = (error: unknown) => /cancel/i.test((error as WxFailure)?.errMsg ?? '')

function failureOf(error: unknown): MediaError {
  const { errMsg = '', errno } = (error ?? {}) as WxFailure
  let reason: MediaFailure = 'unavailable'
  if (errno === 112 || errno === 104 || /privacy/i.test(errMsg)) reason = 'privacy'
  else if (/auth|permission|denied/i.test(errMsg)) reason = 'denied'
  return new MediaError(reason, errMsg)
}

function named(path: string, name: string, size: number): ProofFile {
  const ext = proofExtOf(name) ?? proofExtOf(path)
  if (!ext) throw new AppError('MATERIAL_TYPE_UNSUPPORTED')
  return { path, name, size, ext }
}

/**
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMessageFile.html — `extension` only
 * filters when `type` is 'file', and 'file' hides pictures, so 'all' is asked and the extension checked here.
 */
async function fromChat(): Promise<ProofFile | null> {
  const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: [...PROOF_EXTENSIONS] })
  const file = res.tempFiles[0]
  return file ? named(file.path, file.name, file.size) : null
}

/** https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html (compressed: a proof needs to be legible, not huge). */
async function fromMedia(source: 'camera' | 'album'): Promise<ProofFile | null> {
  const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: [source], camera: 'back', sizeType: ['compressed'] })
  const file = res.tempFiles[0]
  if (!file) return null
  const base = file.tempFilePath.split('/').pop() ?? file.tempFilePath
  return named(file.tempFilePath, base, file.size)
}

/** https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showActionSheet.html */
export async function chooseProofFile(labels: ProofSourceLabels): Promise<ProofFile | null> {
  let tapIndex: number
  try {
    tapIndex = (await Taro.showActionSheet({ itemList: [labels.chat, labels.camera, labels.album] })).tapIndex
  } catch {
    return null
  }
  try {
    if (tapIndex === 0) return await fromChat()
    return await fromMedia(tapIndex === 1 ? 'camera' : 'album')
  } catch (error) {
    if (error instanceof AppError) throw error
    if (cancelled(error)) return null
    throw failureOf(error)
  }
}
