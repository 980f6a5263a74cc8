/** Every sentence the receipt feature shows, in one place for review. */
export const COPY = {
  title: '照片回执',
  intro: '照片提交到检测中心人工审核，通过后获得回执号（图像号），用于办理社保卡、身份证等证件。',
  steps: [
    '选择证件类型和具体城市（如深圳，而非广东省）',
    '拍摄或上传证件照',
    '填写申请人信息并支付',
    '等待审核（约 10–30 分钟），通过后下载回执',
    '审核未通过可免费重新提交',
  ],
} as const
