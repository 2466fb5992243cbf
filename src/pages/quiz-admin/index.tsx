import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { MemberView } from '../../../types/models'
// The screens first: this subpackage's CSS keeps the order the forms were drawn in, FormField's
// rules before NutUI's (whose input padding then wins, as on every other page).
import { NewQuestion } from './new-question'
import { NewQuiz } from './new-quiz'
import { ImportQuestions } from './import-questions'
import { Lists } from './lists'
import { PageRoute } from '../../containers/PageRoute'
import { leadsStudy } from '../../features/study/roles'
import { PageMessage } from '../../features/study/views'
import { screenOf, TITLES, type Screen, type Tab } from './screens'
import './index.scss'

const SCREENS: Record<Exclude<Screen, 'list'>, () => JSX.Element> = { 'new-quiz': NewQuiz, 'new-question': NewQuestion, import: ImportQuestions }

function QuizAdmin({ member, view, tab }: { member: MemberView; view: Screen; tab: Tab }) {
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: TITLES[view] })
  }, [view])
  if (!leadsStudy(member)) {
    return <PageMessage title='仅支部书记和支委可以管理题库和测试' hint='知识测试开放后，您可以在“学习”里参加。' />
  }
  const Chosen = view === 'list' ? null : SCREENS[view]
  return Chosen ? <Chosen /> : <Lists initialTab={tab} />
}

/** 题库与测试 and its forms: one page, the screen chosen by `?view=`. */
export default function QuizAdminPage() {
  return (
    <PageRoute
      optional={['view', 'tab']}
      render={({ member, params }) => <QuizAdmin member={member} view={screenOf(params.view)} tab={params.tab === 'bank' ? 'bank' : 'quizzes'} />}
    />
  )
}
