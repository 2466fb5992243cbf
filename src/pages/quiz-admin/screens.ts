import Taro from '@tarojs/taro'

/** The page's screens, each opened as its own page (`?view=`) so that 返回 goes back to the lists. */
export type Screen = 'list' | 'new-quiz' | 'new-question' | 'import'
export type Tab = 'quizzes' | 'bank'

export const TITLES: Record<Screen, string> = { list: '题库与测试', 'new-quiz': '新建测试', 'new-question': '添加题目', import: '导入题目' }

export function screenOf(view: string | undefined): Screen {
  return (['new-quiz', 'new-question', 'import'] as const).find((v) => v === view) ?? 'list'
}

export function open(view: Screen) {
  Taro.navigateTo({ url: `/pages/quiz-admin/index?view=${view}` })
}
