export default definePageConfig({
  navigationBarTitleText: '常用办理人',
})
