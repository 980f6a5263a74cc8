export default definePageConfig({
  navigationBarTitleText: '补办社保卡',
})
