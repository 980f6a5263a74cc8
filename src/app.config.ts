/**
 * Mini-program global config: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html
 * The main package holds only the tabBar pages; each feature area is its own subpackage.
 */
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/orders/index', 'pages/messages/index'],
  subPackages: [
    { root: 'features/id-photo', name: 'id-photo', pages: ['pages/index/index', 'pages/capture/index', 'pages/preview/index', 'pages/print/index'] },
    {
      root: 'features/receipt',
      name: 'receipt',
      pages: ['pages/index/index', 'pages/applicant/index', 'pages/confirm/index', 'pages/result/index', 'pages/detail/index', 'pages/resubmit/index'],
    },
    {
      root: 'features/cancellation',
      name: 'cancellation',
      pages: ['pages/index/index', 'pages/eligibility/index', 'pages/apply/index', 'pages/materials/index', 'pages/review/index', 'pages/detail/index'],
    },
    { root: 'features/card-loss', name: 'card-loss', pages: ['pages/index/index', 'pages/report/index', 'pages/detail/index', 'pages/reissue/index'] },
    { root: 'features/ops', name: 'ops', pages: ['pages/index/index', 'pages/detail/index', 'pages/loss/index', 'pages/cancellation/index'] },
    { root: 'features/privacy', name: 'privacy', pages: ['pages/policy/index', 'pages/data/index'] },
    { root: 'features/family', name: 'family', pages: ['pages/index/index', 'pages/add/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '回执',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#0958d9',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png', text: '首页' },
      { pagePath: 'pages/orders/index', iconPath: 'assets/tab/orders.png', selectedIconPath: 'assets/tab/orders-active.png', text: '我的办理' },
      { pagePath: 'pages/messages/index', iconPath: 'assets/tab/messages.png', selectedIconPath: 'assets/tab/messages-active.png', text: '消息' },
    ],
  },
  /** Privacy checks (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html). */
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
  style: 'v2',
  sitemapLocation: 'sitemap.json',
})
