export default definePageConfig({
  navigationBarTitleText: '添加常用办理人',
})
