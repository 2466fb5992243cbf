export default definePageConfig({ navigationBarTitleText: '党员预警' })
