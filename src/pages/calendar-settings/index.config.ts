export default definePageConfig({ navigationBarTitleText: '日程与提醒' })
