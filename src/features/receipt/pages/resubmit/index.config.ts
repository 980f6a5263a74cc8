export default definePageConfig({
  navigationBarTitleText: '重新提交审核',
})
