export default definePageConfig({ navigationBarTitleText: '考勤' })
