import Taro from '@tarojs/taro'

/**
 * weapp build: WeChat's full-screen picture viewer, starting at `current`.
 * https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.previewImage.html
 */
export async function previewImages(urls: readonly string[], current: string): Promise<void> {
  await Taro.previewImage({ urls: [...urls], current })
}

/**
 * weapp build: downloads the PDF to a temp file (https://developers.weixin.qq.com/miniprogram/dev/api/network/download/wx.downloadFile.html;
 * the host must be a downloadFile domain, which CloudBase temp URLs are) and opens it in WeChat's viewer
 * (https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html). No menu: a proof is personal
 * data, not to be forwarded from the operator's phone.
 */
export async function openDocument(url: string): Promise<void> {
  const res = await Taro.downloadFile({ url })
  if (res.statusCode !== 200) throw new Error(`download status ${res.statusCode}`)
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: false })
}
