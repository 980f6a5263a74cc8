export default definePageConfig({
  navigationBarTitleText: '照片检测',
})
