/** Every sentence the id-photo feature shows, in one place for review. */
export const COPY = {
  title: '证件照拍摄',
  intro: '按所选证件和城市的官方规格，生成白底、尺寸、DPI 与文件大小都合规的证件照。',
  steps: [
    '选择证件类型和城市',
    '按提示拍摄或从相册选择',
    '自动裁剪、换白底并逐项检测',
    '查看检测结果，按提示修正',
  ],
} as const
