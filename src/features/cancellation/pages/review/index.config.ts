export default definePageConfig({
  navigationBarTitleText: '核对并提交',
})
