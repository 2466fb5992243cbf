const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/meetings/index',
    'pages/study/index',
    'pages/me/index',
    'pages/meeting-detail/index',
    'pages/meeting-edit/index',
    'pages/checkin-code/index',
    'pages/checkin/index',
    'pages/attendance/index',
    'pages/dues/index',
    'pages/reach/index',
    'pages/study-log/index',
    'pages/xuexi/index',
    'pages/quiz/index',
    'pages/makeup/index',
    'pages/join/index',
    // Local mode's demo sign-in; the mini-program knows the user from WeChat.
    ...(isH5 ? ['pages/login/index'] : []),
  ],
  // The leadership's study screens and the optional ranking load on first use, so that members'
  // phones never download them; each keeps its pages/<name>/index path.
  subPackages: [
    { root: 'pages/quiz-admin', pages: ['index'] },
    { root: 'pages/study-admin', pages: ['index'] },
    { root: 'pages/ranking', pages: ['index'] },
    // The secretary's roster, groups, invite and import.
    { root: 'pages/roster', pages: ['index'] },
    // The leadership's notices (one opened, composing, 已读) and the 轮值党务干事 rota.
    { root: 'pages/announce', pages: ['index'] },
    // The 党委's overview of its branches (CONTRACT §7) and a secretary's 加入上级党委.
    { root: 'pages/org', pages: ['index'] },
    // The secretary's 日程与提醒: the monthly days, reminder times, the register's first month.
    { root: 'pages/calendar-settings', pages: ['index'] },
    // The 台账: minutes, the year's 三会一课 and the warnings (organisers').
    { root: 'pages/records', pages: ['minutes', 'checklist', 'warnings', 'poster'] },
    // 台账: the exports (考勤表, 会议记录, the year's sheets), for organisers.
    { root: 'pages/ledger', pages: ['index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#F5F6F7',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '支部通',
    navigationBarTextStyle: 'white',
    // H5 draws the same title bar as WeChat, with 返回 on every page opened from another.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#4E5969',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/meetings/index',
        text: '会议',
        iconPath: 'assets/tabbar/meetings.png',
        selectedIconPath: 'assets/tabbar/meetings-active.png',
      },
      {
        pagePath: 'pages/study/index',
        text: '学习',
        iconPath: 'assets/tabbar/study.png',
        selectedIconPath: 'assets/tabbar/study-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
