/**
 * The services on the home page, in the order users look for them.
 * `route` is the page each entry opens; feature pages live in their own subpackage.
 */
export interface ServiceEntry {
  key: 'receipt' | 'card-loss' | 'cancellation' | 'orders'
  title: string
  summary: string
  route: string
  /** tabBar pages must be opened with switchTab, everything else with navigateTo. */
  isTab: boolean
}

export const SERVICES: readonly ServiceEntry[] = [
  { key: 'receipt', title: '照片回执', summary: '证件照拍摄、检测与回执办理', route: '/features/receipt/pages/index/index', isTab: false },
  { key: 'card-loss', title: '社保卡挂失', summary: '临时挂失、正式挂失与补卡', route: '/features/card-loss/pages/index/index', isTab: false },
  { key: 'cancellation', title: '社保账号注销', summary: '资格自查、材料准备与进度', route: '/features/cancellation/pages/index/index', isTab: false },
  { key: 'orders', title: '我的办理', summary: '回执、挂失、注销的进度都在这里', route: '/pages/orders/index', isTab: true },
]

/** National social-security service hotline, answered by the human resources and social security bureaus. */
export const SOCIAL_SECURITY_HOTLINE = '12333'
