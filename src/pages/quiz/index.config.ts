export default definePageConfig({ navigationBarTitleText: '知识测试' })
