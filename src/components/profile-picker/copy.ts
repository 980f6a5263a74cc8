/** What the 常用办理人 picker says, on every case page that uses it. */
export const PROFILE_COPY = {
  serviceMissing: '常用办理人服务暂未开通，请稍后再试',
  title: '为谁办理',
  typeIn: '填写新的',
  manage: '管理常用办理人',
  loading: '正在读取常用办理人…',
  failed: '常用办理人没有读取成功，可以直接填写',
  chosen: (name: string, relation: string) => `${name}（${relation}）`,
  idNumber: '身份证号',
  phone: '联系电话',
  filledOnServer: '身份证号和手机号已加密保存，提交时由系统自动填写',
} as const
