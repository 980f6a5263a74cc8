export default definePageConfig({
  navigationBarTitleText: '检查办理条件',
})
