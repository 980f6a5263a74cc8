/** Every sentence the cancellation feature shows, in one place for review. */
export const COPY = {
  title: '社保账号注销',
  intro: '适用于出国定居、重复参保、不再缴费等情形。先自查资格，再准备材料提交审核。',
  steps: [
    '选择参保城市和注销原因',
    '自查资格，查看所需材料',
    '填写联系方式和退款银行账户',
    '上传证明材料并提交审核',
    '审核通过后，余额退回银行账户',
  ],
} as const
