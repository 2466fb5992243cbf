export default definePageConfig({ navigationBarTitleText: '学习强国', enablePullDownRefresh: true })
