export default definePageConfig({ navigationBarTitleText: '学习积分排名', enablePullDownRefresh: true })
