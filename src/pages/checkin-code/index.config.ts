export default definePageConfig({ navigationBarTitleText: '签到码', backgroundColor: '#FFFFFF' })
