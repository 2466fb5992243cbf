import { Text, View } from '@tarojs/components'
import type { Question } from '../../../types/models'
import { StateView } from '../../components/StateView'
import { TabSwitch } from '../../components/TabSwitch'
import { Button } from '../../components/ui'
import { answerText, optionLetter, QUESTION_TYPE_LABELS } from '../../display/quiz-view'
import { ActionBar } from '../../features/study/views'
import { QuizCard } from './quiz-card'
import { open, type Tab } from './screens'
import { useQuizAdminLists } from './use-lists'

function QuestionItem({ q, n }: { q: Question; n: number }) {
  return (
    <View className='qa__question' data-question={q.id}>
      <View className='qa__stem'>
        <Text className='qa__number'>{n}.</Text>
        <Text className='qa__type'>{QUESTION_TYPE_LABELS[q.type]}</Text>
        <Text className='qa__stem-text'>{q.stem}</Text>
      </View>
      {q.type !== 'judge'
        ? q.options.map((o, i) => (
            <Text key={i} className={q.answer.includes(i) ? 'qa__option qa__option--right' : 'qa__option'}>
              {optionLetter(i)}. {o}
            </Text>
          ))
        : null}
      <Text className='qa__answer'>答案：{answerText(q.answer, q.type)}</Text>
    </View>
  )
}

type Lists = ReturnType<typeof useQuizAdminLists>

function QuizzesTab({ quizzes, sorted, questions }: Lists) {
  const hint = questions.length ? '点下方“新建测试”，从题库里选题，定好开放时间。' : '先在“题库”里添加或导入题目，再新建测试。'
  return (
    <StateView remote={quizzes} rows={5} isEmpty={sorted.length === 0} empty={{ title: '还没有测试', hint }}>
      {sorted.map((q) => (
        <QuizCard key={q.id} quiz={q} />
      ))}
    </StateView>
  )
}

function BankTab({ bank, questions }: Lists) {
  return (
    <View>
      <Button block fill='outline' className='qa__import' onClick={() => open('import')}>
        从表格导入题目
      </Button>
      <StateView
        remote={bank}
        rows={6}
        isEmpty={questions.length === 0}
        empty={{ title: '题库还是空的', hint: '可以一题一题添加，也可以把整理好的表格另存为 CSV 后导入。' }}
      >
        <View className='card qa__bank'>
          {questions.map((q, i) => (
            <QuestionItem key={q.id} q={q} n={i + 1} />
          ))}
        </View>
      </StateView>
    </View>
  )
}

/** The tests and the question bank, as two tabs, each with its one action. */
export function Lists({ initialTab }: { initialTab: Tab }) {
  const lists = useQuizAdminLists(initialTab)
  const { tab, questions } = lists
  const tabs = [
    { key: 'quizzes' as const, label: '测试' },
    { key: 'bank' as const, label: questions.length ? `题库（${questions.length} 题）` : '题库' },
  ]
  return (
    <View>
      <TabSwitch items={tabs} value={tab} onChange={lists.tabChosen} />
      <View className='page page--actions qa'>
        {tab === 'quizzes' ? <QuizzesTab {...lists} /> : <BankTab {...lists} />}
        {tab === 'quizzes' ? <ActionBar text='新建测试' onClick={() => open('new-quiz')} /> : <ActionBar text='添加题目' onClick={() => open('new-question')} />}
      </View>
    </View>
  )
}
