const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/meetings/index',
    'pages/study/index',
    'pages/me/index',
    // Local mode's demo sign-in; the mini-program knows the user from WeChat.
    ...(isH5 ? ['pages/login/index'] : []),
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#F5F6F7',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '支部通',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#4E5969',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/meetings/index', text: '会议' },
      { pagePath: 'pages/study/index', text: '学习' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
