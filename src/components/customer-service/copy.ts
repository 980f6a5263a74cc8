/** What the customer-service entry says. */
export const SUPPORT_COPY = {
  title: '联系客服',
  description: '工作日 9:00–18:00，在线解答办理问题',
  hotlineTitle: '人社服务热线 12333',
  hotlineDescription: '社保卡紧急挂失、政策咨询可直接拨打',
  noContact: '请在微信中打开“回执”小程序联系在线客服，或拨打 12333 人社服务热线。',
} as const
