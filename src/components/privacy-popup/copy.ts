/** What the privacy popup says: the summary of the privacy guide, for the camera and the album. */
export const PRIVACY_COPY = {
  title: '隐私保护提示',
  body: '为了给您拍摄和制作证件照，“回执”需要使用您的摄像头，读取您从相册中选择的照片，并把做好的证件照保存到相册。照片只用于生成证件照和办理回执，加密保存，不会用于其他用途。',
  items: ['摄像头：拍摄证件照', '相册（选择的照片）：上传已有照片制作证件照', '相册（仅写入）：保存电子证件照、排版照和回执图片'],
  guideLink: '查看《回执隐私保护指引》',
  agree: '同意并继续',
  disagree: '不同意',
} as const
