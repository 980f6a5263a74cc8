/** Every sentence of the 长辈模式 switch, in one place for review. */
export const ELDER_MODE_COPY = {
  title: '长辈模式',
  description: '字更大、按钮更大，每个页面都生效',
  on: '已开启',
  off: '已关闭',
  saveFailed: '没有保存成功，请稍后再试',
} as const
