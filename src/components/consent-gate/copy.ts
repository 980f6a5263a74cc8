/** What the consent gate says before the first photo, ID number or bank card. */
export const CONSENT_COPY = {
  title: '请先阅读并同意《隐私政策》',
  summary: '接下来需要处理您的人脸照片、身份证号等敏感个人信息，只用于办理您申请的业务，加密保存、到期删除。',
  read: '阅读《隐私政策》',
  agree: '同意',
  agreeing: '正在提交…',
  loading: '正在读取隐私设置…',
} as const
