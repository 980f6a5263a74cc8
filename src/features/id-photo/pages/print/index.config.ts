export default definePageConfig({
  navigationBarTitleText: '排版照',
})
