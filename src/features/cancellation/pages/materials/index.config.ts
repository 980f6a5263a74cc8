export default definePageConfig({
  navigationBarTitleText: '上传证明材料',
})
