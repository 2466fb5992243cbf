export default definePageConfig({ navigationBarTitleText: '提醒覆盖', enablePullDownRefresh: true })
