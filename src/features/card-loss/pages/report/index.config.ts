export default definePageConfig({
  navigationBarTitleText: '挂失社保卡',
})
