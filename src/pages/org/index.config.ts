export default definePageConfig({ navigationBarTitleText: '各支部情况' })
