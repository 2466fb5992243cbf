export default definePageConfig({ navigationBarTitleText: '记录自学' })
