export default definePageConfig({
  navigationBarTitleText: '挂失详情',
})
