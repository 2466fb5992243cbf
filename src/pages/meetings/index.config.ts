export default definePageConfig({ navigationBarTitleText: '会议', enablePullDownRefresh: true })
