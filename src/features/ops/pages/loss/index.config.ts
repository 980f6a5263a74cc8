export default definePageConfig({
  navigationBarTitleText: '挂失补卡详情',
})
