export default definePageConfig({ navigationBarTitleText: '支部学习管理', enablePullDownRefresh: true })
