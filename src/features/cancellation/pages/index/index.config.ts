export default definePageConfig({
  navigationBarTitleText: '社保账号注销',
})
