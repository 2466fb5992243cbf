export default definePageConfig({ navigationBarTitleText: '党费', enablePullDownRefresh: true })
