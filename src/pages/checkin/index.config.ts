export default definePageConfig({ navigationBarTitleText: '签到', backgroundColor: '#FFFFFF' })
