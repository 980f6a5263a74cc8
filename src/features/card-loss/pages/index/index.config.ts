export default definePageConfig({
  navigationBarTitleText: '社保卡挂失',
})
