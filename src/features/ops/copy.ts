/** Every sentence the ops feature shows, in one place for review. */
export const COPY = {
  title: '运营后台',
  intro: '运营人员查看订单状态、处理审核与补卡申请。',
  steps: [
    '订单看板',
    '审核工作台',
    '异常订单处理',
    '操作审计',
  ],
} as const
