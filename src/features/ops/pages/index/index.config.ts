export default definePageConfig({
  navigationBarTitleText: '运营后台',
})
