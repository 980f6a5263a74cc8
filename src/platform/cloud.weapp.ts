import Taro from '@tarojs/taro'
import { AppError } from '@/domain/errors'
import { unwrap, withRetry, type CallOptions } from './reply'

/**
 * weapp build: WeChat cloud development.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-client-api/init/client.init.html
 */
export function initPlatform(): void {
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init({ ...(env ? { env } : {}), traceUser: true })
}

/** https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-client-api/functions/Cloud.callFunction.html */
export function callFunction<T>(name: string, action: string, data?: unknown, options: CallOptions = {}): Promise<T> {
  return withRetry(async () => {
    let result: unknown
    try {
      result = (await Taro.cloud.callFunction({ name, data: { action, data } as never })).result
    } catch {
      throw new AppError('NETWORK_ERROR')
    }
    return unwrap<T>(result)
  }, options.retries ?? 0)
}

/** https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-client-api/storage/uploadFile/client.uploadFile.html */
export async function uploadFile(localPath: string, cloudPath: string): Promise<string> {
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: localPath })
    return res.fileID
  } catch {
    throw new AppError('NETWORK_ERROR')
  }
}
