/** Every sentence the card-loss feature shows, in one place for review. */
export const COPY = {
  title: '社保卡挂失',
  intro: '卡丢了或被盗时，先挂失保护账户安全，再解除挂失或补办新卡。挂失不会注销账户，余额保留。',
  steps: [
    '选择发卡城市，填写持卡人信息',
    '临时挂失：冻结部分功能，有效期有限',
    '正式挂失：暂停全部功能',
    '找回卡片可解除挂失；否则凭照片回执补办新卡',
  ],
} as const
