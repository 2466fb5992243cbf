export default definePageConfig({ navigationBarTitleText: '选择示例用户' })
