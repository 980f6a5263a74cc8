/** Every sentence the main-package pages (home, my orders, messages) show, in one place for review. */
export const HOME_COPY = {
  greeting: (name: string) => `您好，${name}`,
  tagline: '证件照、照片回执、社保卡业务，在手机上一步步办好',
  servicesTitle: '办理业务',
  explainer: {
    title: '挂失 ≠ 注销',
    lossTitle: '社保卡挂失',
    lossBody: '卡丢了或被盗时办理。冻结卡片功能，防止被他人冒用；社保账户和余额都保留，可以解除挂失，也可以补办新卡。',
    cancelTitle: '社保账号注销',
    cancelBody: '丧失中国国籍、参保人身故、重复参保或到龄缴费不满 15 年时办理。终止养老保险关系，个人账户余额按规定支付或退还，注销后不能恢复。',
    more: '卡丢了？先挂失',
  },
  localMode: (name: string) => `本地模式 · 当前用户：${name}`,
  switchUser: '切换用户',
  operator: '运营',
  opsDesk: '运营后台 · 审核工作台',
  opsDeskHint: '处理待审核的照片回执',
  privacy: '隐私政策',
  privacyHint: '我们收集哪些信息、怎么保护、保存多久',
  myData: '我的数据',
  myDataHint: '查阅、导出或删除您的个人信息',
} as const

export const ORDERS_COPY = {
  title: '我的办理',
  account: (tag: string) => `账号 ${tag}`,
  since: (time: string) => `注册于 ${time}`,
  all: '全部',
  emptyTitle: '还没有办理记录',
  emptyDescription: '照片回执、社保卡挂失和社保账号注销的进度都会显示在这里',
  emptyTabTitle: (tab: string) => `没有“${tab}”的办理记录`,
  emptyTabDescription: '可以切换到“全部”查看所有办理记录',
  startReceipt: '办理照片回执',
  receiptNumber: (n: string) => `回执号 ${n}`,
  createdAt: {
    receipt: (time: string) => `下单时间 ${time}`,
    'card-loss': (time: string) => `挂失时间 ${time}`,
    cancellation: (time: string) => `创建时间 ${time}`,
  },
  viewDetail: '查看详情',
  /** Whose case it is, masked: 办理人 王**（子女）. */
  applicant: (name: string, relation?: string) => (relation ? `办理人 ${name}（${relation}）` : `办理人 ${name}`),
  family: '常用办理人 ›',
} as const

export const MESSAGES_COPY = {
  title: '消息',
  receiptNumber: '回执号',
  imageNumber: '图像号',
  copy: '复制',
  copied: (label: string) => `已复制${label}`,
  copyFailed: '没有复制成功，请长按号码复制',
  source: '回执 · 服务通知',
  viewDetail: '查看详情',
  emptyTitle: '暂无消息',
  emptyDescription: '审核结果、回执到期提醒会通过微信服务通知发送，并在这里留存',
} as const
