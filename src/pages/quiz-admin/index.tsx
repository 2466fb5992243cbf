import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { MyQuiz, QuizView } from '../../../types/views'
import type { MemberView, Question, QuestionType } from '../../../types/models'
import { ChoiceList } from '../../components/ChoiceList'
import { FormError, FormField } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { SessionGate } from '../../containers/SessionGate'
import { StateView } from '../../components/StateView'
import { TabSwitch } from '../../components/TabSwitch'
import { ArrowRight, Button, Cell, CellGroup, DatePicker, Input, TextArea } from '../../components/ui'
import { csvFormatHint } from '../../display/csv-hint'
import { withoutFieldPrefix } from '../../display/meeting-display'
import { answerText, optionLetter, QUESTION_TYPE_LABELS, quizPhase, toggleChoice } from '../../display/quiz-view'
import { JUDGE_OPTIONS, parseQuestionsCsv, questionProblem, QUIZ_DEFAULTS } from '../../domain/study'
import { periodZh } from '../../display/study-display'
import { addDays, formatDateZh, shanghaiDate } from '../../domain/time'
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return'
import { useRemote } from '../../hooks/use-remote'
import { ApiError, call } from '../../services/call'
import { now } from '../../services/clock'
import { CAN_PICK_CSV, CsvFileError, pickCsvFile } from '../../services/csv-file'
import './index.scss'

type ListedQuiz = QuizView & { my: MyQuiz }
type Screen = 'list' | 'new-quiz' | 'new-question' | 'import'
type Tab = 'quizzes' | 'bank'

const STEM_MAX = 300
const OPTION_MAX = 100
const OPTIONS_MIN = 2
const OPTIONS_MAX = 8
const TITLE_MAX = 40
const QUESTION_TYPES: QuestionType[] = ['single', 'multiple', 'judge']

const messageOf = (err: unknown, fallback: string) => (err instanceof ApiError ? withoutFieldPrefix(err.message) : fallback)

const mayManage = (m: MemberView) => m.roles.some((r) => r === 'secretary' || r === 'deputy' || r === 'committee')

function open(view: Screen) {
  Taro.navigateTo({ url: `/pages/quiz-admin/index?view=${view}` })
}

const PHASE_WORDS = { upcoming: '未开始', open: '进行中', closed: '已结束' } as const

/** Who has taken a test and who has not, loaded when its card is opened. */
function QuizResults({ quizId }: { quizId: string }) {
  const results = useRemote(() => call('quiz.results', { quizId }), [quizId])
  const data = results.data
  return (
    <StateView remote={results} rows={3}>
      {data ? (
        <View className='qa__results'>
          <View className='qa__counts'>
            <Text className='qa__count'>
              已参加 <Text className='qa__count-num'>{data.taken.length}</Text> 人
            </Text>
            <Text className='qa__count'>
              未参加 <Text className='qa__count-num qa__count-num--open'>{data.notTaken.length}</Text> 人
            </Text>
          </View>
          {data.notTaken.length ? (
            <View>
              <Text className='qa__sub'>还没有参加</Text>
              <View className='qa__names'>
                {data.notTaken.map((p) => (
                  <Text key={p.memberId} className='qa__name'>
                    {p.name}
                  </Text>
                ))}
              </View>
            </View>
          ) : (
            <Text className='qa__sub'>全部党员都已参加。</Text>
          )}
          {data.taken.length ? (
            <View>
              <Text className='qa__sub'>已参加</Text>
              {data.taken.map((p) => (
                <View key={p.memberId} className='qa__row'>
                  <Text className='qa__row-name'>{p.name}</Text>
                  <Text className='qa__row-score'>{p.score === null ? '答题中' : `${p.score} 分`}</Text>
                  {p.passed === null ? null : (
                    <Text className={p.passed ? 'qa__passed qa__passed--yes' : 'qa__passed'}>{p.passed ? '通过' : '未通过'}</Text>
                  )}
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </StateView>
  )
}

function QuizCard({ quiz }: { quiz: ListedQuiz }) {
  const [expanded, setExpanded] = useState(false)
  const phase = quizPhase(quiz, now())
  return (
    <View className='card qa__quiz' data-quiz={quiz.id}>
      <View className='qa__quiz-head' role='button' aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
        <View className='qa__quiz-main'>
          <Text className='qa__quiz-title'>{quiz.title}</Text>
          <Text className='muted'>
            {quiz.questionCount} 题 · 限时 {quiz.timeLimitMin} 分钟 · {quiz.passScore} 分及格
          </Text>
          <Text className='muted'>{periodZh(quiz.opensAt, quiz.closesAt)}</Text>
        </View>
        <Text className={`qa__phase qa__phase--${phase}`}>{PHASE_WORDS[phase]}</Text>
      </View>
      <View className='qa__toggle' role='button' onClick={() => setExpanded(!expanded)}>
        {expanded ? '收起' : '查看参加情况'}
      </View>
      {expanded ? <QuizResults quizId={quiz.id} /> : null}
    </View>
  )
}

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

function Lists({ initialTab }: { initialTab: Tab }) {
  const [tab, setTab] = useState<Tab>(initialTab)
  const quizzes = useRemote(() => call('quiz.list', {}), [])
  const bank = useRemote(() => call('question.list', {}), [])

  // Back from a form: show the new test or questions without a skeleton.
  useRefreshOnReturn(() => {
    quizzes.refresh()
    bank.refresh()
  })

  const sorted = [...(quizzes.data?.quizzes ?? [])].sort((a, b) => Date.parse(b.opensAt) - Date.parse(a.opensAt))
  const questions = bank.data?.questions ?? []
  return (
    <View>
      <TabSwitch
        items={[
          { key: 'quizzes', label: '测试' },
          { key: 'bank', label: questions.length ? `题库（${questions.length} 题）` : '题库' },
        ]}
        value={tab}
        onChange={setTab}
      />
      <View className='page page--actions qa'>
        {tab === 'quizzes' ? (
          <StateView
            remote={quizzes}
            rows={5}
            isEmpty={sorted.length === 0}
            empty={{
              title: '还没有测试',
              hint: questions.length ? '点下方“新建测试”，从题库里选题，定好开放时间。' : '先在“题库”里添加或导入题目，再新建测试。',
            }}
          >
            {sorted.map((q) => (
              <QuizCard key={q.id} quiz={q} />
            ))}
          </StateView>
        ) : (
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
        )}
        <View className='action-bar'>
          {tab === 'quizzes' ? (
            <Button block type='primary' className='action-bar__main' onClick={() => open('new-quiz')}>
              新建测试
            </Button>
          ) : (
            <Button block type='primary' className='action-bar__main' onClick={() => open('new-question')}>
              添加题目
            </Button>
          )}
        </View>
      </View>
    </View>
  )
}

interface QuestionForm {
  type: QuestionType
  stem: string
  options: string[]
  answer: number[]
}

const blankQuestion = (type: QuestionType = 'single'): QuestionForm => ({ type, stem: '', options: ['', '', '', ''], answer: [] })

/** The options actually filled in, with the answer indexes moved to match. */
function filled(form: QuestionForm): { options: string[]; answer: number[] } {
  if (form.type === 'judge') return { options: JUDGE_OPTIONS, answer: form.answer }
  const keep = form.options.map((o, i) => ({ o: o.trim(), i })).filter((x) => x.o)
  return { options: keep.map((x) => x.o), answer: keep.flatMap((x, j) => (form.answer.includes(x.i) ? [j] : [])) }
}

function validateQuestion(form: QuestionForm): string | null {
  const stem = form.stem.trim()
  if (stem.length < 2) return '请填写题干，至少 2 个字'
  if (stem.length > STEM_MAX) return `题干不能超过 ${STEM_MAX} 个字`
  const { options, answer } = filled(form)
  if (form.type !== 'judge') {
    // As in the spreadsheet import: a gap would change the letters of the options after it.
    const texts = form.options.map((o) => o.trim())
    const gap = texts.findIndex((o, i) => !o && texts.slice(i + 1).some(Boolean))
    if (gap >= 0) return `选项${optionLetter(gap)}为空：选项应从 A 起连续填写`
    if (options.length < OPTIONS_MIN) return '请至少填写两个选项'
    if (options.some((o) => o.length > OPTION_MAX)) return `每个选项不能超过 ${OPTION_MAX} 个字`
  }
  if (!answer.length) return '请点选正确答案'
  return questionProblem({ type: form.type, options, answer })
}

function NewQuestion() {
  const [form, setForm] = useState<QuestionForm>(blankQuestion())
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [added, setAdded] = useState(0)

  const update = (next: Partial<QuestionForm>) => {
    setForm((f) => ({ ...f, ...next }))
    setError(null)
  }

  async function submit() {
    if (busy) return
    const problem = validateQuestion(form)
    if (problem) {
      setError(problem)
      Taro.showToast({ title: problem, icon: 'none' })
      return
    }
    setBusy(true)
    try {
      const { options, answer } = filled(form)
      await call('question.create', { type: form.type, stem: form.stem.trim(), options, answer })
      setAdded((n) => n + 1)
      setForm(blankQuestion(form.type))
      Taro.showToast({ title: '已加入题库', icon: 'success' })
    } catch (err) {
      setError(messageOf(err, '没有保存成功，请重试'))
    } finally {
      setBusy(false)
    }
  }

  // The answer is picked among the options filled in so far, each under its own letter.
  const choices = form.type === 'judge' ? JUDGE_OPTIONS.map((text, i) => ({ i, text })) : form.options.flatMap((o, i) => (o.trim() ? [{ i, text: `${optionLetter(i)}. ${o.trim()}` }] : []))
  return (
    <View className='page page--actions qa'>
      {added ? <Text className='qa__added'>本次已添加 {added} 题，可以接着添加下一题。</Text> : null}
      <FormField label='题型'>
        <ChoiceList
          options={QUESTION_TYPES.map((t) => QUESTION_TYPE_LABELS[t])}
          chosen={[QUESTION_TYPES.indexOf(form.type)]}
          onToggle={(i) => update({ type: QUESTION_TYPES[i], answer: [] })}
          letters={false}
          columns={3}
        />
      </FormField>
      <FormField label='题干'>
        <TextArea
          className='field__textarea'
          value={form.stem}
          onChange={(v) => update({ stem: v })}
          placeholder={form.type === 'judge' ? '例如：党员应按月缴纳党费' : '例如：党的最高理想是什么'}
          maxLength={STEM_MAX}
          autoSize
        />
      </FormField>
      {form.type !== 'judge' ? (
        <FormField label='选项' hint='不用的选项留空即可'>
          {form.options.map((o, i) => (
            <View key={i} className='qa__option-input'>
              <Text className='qa__option-letter'>{optionLetter(i)}</Text>
              <Input
                className='field__input qa__option-field'
                value={o}
                onChange={(v) => update({ options: form.options.map((x, j) => (j === i ? v : x)) })}
                placeholder={`选项 ${optionLetter(i)}`}
                maxLength={OPTION_MAX + 10}
              />
            </View>
          ))}
          {form.options.length < OPTIONS_MAX ? (
            <Button fill='none' className='qa__more-option' onClick={() => update({ options: [...form.options, ''] })}>
              + 再加一个选项
            </Button>
          ) : null}
        </FormField>
      ) : null}
      <FormField label='正确答案' hint={!choices.length ? '先在上面填写选项' : form.type === 'multiple' ? '点选所有正确的选项' : '点选正确的一项'}>
        <ChoiceList
          options={choices.map((c) => c.text)}
          chosen={choices.flatMap((c, n) => (form.answer.includes(c.i) ? [n] : []))}
          multiple={form.type === 'multiple'}
          letters={false}
          onToggle={(n) => update({ answer: toggleChoice(form.type, form.answer, choices[n].i) })}
        />
      </FormField>
      <FormError text={error} />
      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' loading={busy} onClick={submit}>
          加入题库
        </Button>
      </View>
    </View>
  )
}

function Import() {
  const hint = csvFormatHint()
  const [csv, setCsv] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [imported, setImported] = useState<number | null>(null)
  // Read here exactly as the server will, so that a problem shows before sending.
  const parsed = csv.trim() ? parseQuestionsCsv(csv) : null
  const rows = parsed?.ok ? parsed.questions.length : 0
  const problem = parsed && !parsed.ok ? `第 ${parsed.row} 行：${parsed.message}` : null

  async function chooseFile() {
    try {
      const text = await pickCsvFile()
      if (text !== null) {
        setCsv(text)
        setError(null)
      }
    } catch (err) {
      setError(err instanceof CsvFileError ? err.message : '文件读取失败，请重试')
    }
  }

  async function submit() {
    if (busy) return
    if (!parsed) {
      setError('请先粘贴表格内容或选择 CSV 文件')
      return
    }
    if (problem) {
      setError(`${problem}。请改好后再导入`)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const r = await call('question.import', { csv })
      setImported(r.imported)
    } catch (err) {
      setError(messageOf(err, '导入没有成功，请重试'))
    } finally {
      setBusy(false)
    }
  }

  if (imported !== null) {
    return (
      <View className='page page--actions qa'>
        <ResultPanel tone='ok' word={`已导入 ${imported} 题`} lines={['题目已加入题库，新建测试时可以选用。']} />
        <View className='action-bar'>
          <Button block type='primary' className='action-bar__main' onClick={() => Taro.navigateBack()}>
            返回题库
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='page page--actions qa'>
      <View className='card qa__format'>
        <Text className='qa__format-title'>表格格式</Text>
        <Text className='qa__code'>{hint.header}</Text>
        <Text className='qa__sub'>例如：</Text>
        {hint.examples.map((line) => (
          <Text key={line} className='qa__code'>
            {line}
          </Text>
        ))}
        {hint.rules.map((r) => (
          <Text key={r} className='qa__rule'>
            · {r}
          </Text>
        ))}
      </View>
      {CAN_PICK_CSV ? (
        <Button block fill='outline' className='qa__import' onClick={chooseFile}>
          选择 CSV 文件
        </Button>
      ) : null}
      <FormField label={CAN_PICK_CSV ? '或者把表格内容粘贴在这里' : '把表格内容粘贴在这里'} hint={rows ? `识别到 ${rows} 道题` : undefined} error={problem}>
        <TextArea
          className='field__textarea qa__csv'
          value={csv}
          onChange={(v) => {
            setCsv(v)
            setError(null)
          }}
          placeholder={`${hint.header}\n${hint.examples[0]}`}
          maxLength={500000}
        />
      </FormField>
      <FormError text={error} />
      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' loading={busy} onClick={submit}>
          {rows ? `导入 ${rows} 题` : '导入'}
        </Button>
      </View>
    </View>
  )
}

interface QuizForm {
  title: string
  questionIds: string[]
  opens: string
  closes: string
  minutes: string
  passScore: string
  points: string
}

const pad = (v: string | number | null) => String(v ?? '').padStart(2, '0')
const pickerDay = (date: string) => new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))

function validateQuiz(f: QuizForm): string | null {
  const title = f.title.trim()
  if (!title) return '请填写测试名称'
  if (title.length > TITLE_MAX) return `测试名称不能超过 ${TITLE_MAX} 个字`
  if (!f.questionIds.length) return '请至少选择 1 道题'
  if (f.closes < f.opens) return '截止日期不能早于开始日期'
  const minutes = Number(f.minutes)
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 180) return '答题时间应为 1–180 分钟'
  const pass = Number(f.passScore)
  if (!Number.isInteger(pass) || pass < 0 || pass > 100) return '及格分应为 0–100'
  if (f.points.trim()) {
    const points = Number(f.points)
    if (!Number.isInteger(points) || points < 0 || points > 20) return '积分应为 0–20'
  }
  return null
}

function NewQuiz() {
  const today = shanghaiDate(now())
  const bank = useRemote(() => call('question.list', {}), [])
  const [form, setForm] = useState<QuizForm>({
    title: `${Number(today.slice(5, 7))}月知识测试`,
    questionIds: [],
    opens: today,
    closes: addDays(today, 7),
    minutes: '20',
    passScore: '60',
    points: '',
  })
  const [picker, setPicker] = useState<'opens' | 'closes' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const update = (next: Partial<QuizForm>) => {
    setForm((f) => ({ ...f, ...next }))
    setError(null)
  }
  const questions = bank.data?.questions ?? []

  async function submit() {
    if (busy) return
    const problem = validateQuiz(form)
    if (problem) {
      setError(problem)
      Taro.showToast({ title: problem, icon: 'none' })
      return
    }
    setBusy(true)
    try {
      await call('quiz.create', {
        title: form.title.trim(),
        questionIds: form.questionIds,
        opensAt: `${form.opens}T00:00:00+08:00`,
        closesAt: `${form.closes}T23:59:59+08:00`,
        timeLimitMin: Number(form.minutes),
        passScore: Number(form.passScore),
        ...(form.points.trim() ? { points: Number(form.points) } : {}),
      })
      Taro.showToast({ title: '测试已发布', icon: 'success' })
      setTimeout(() => Taro.navigateBack(), 600)
    } catch (err) {
      setError(messageOf(err, '没有发布成功，请重试'))
      setBusy(false)
    }
  }

  const allChosen = questions.length > 0 && form.questionIds.length === questions.length
  return (
    <View className='page page--actions qa'>
      <FormField label='测试名称'>
        <Input className='field__input' value={form.title} onChange={(v) => update({ title: v })} maxLength={TITLE_MAX + 10} clearable />
      </FormField>

      <FormField label={`选择题目（已选 ${form.questionIds.length} 题）`}>
        <StateView
          remote={bank}
          rows={4}
          isEmpty={questions.length === 0}
          empty={{ title: '题库还是空的', hint: '请先回到题库添加或导入题目。' }}
        >
          <Button
            fill='outline'
            className='qa__all'
            onClick={() => update({ questionIds: allChosen ? [] : questions.map((q) => q.id) })}
          >
            {allChosen ? '全部不选' : `全选 ${questions.length} 题`}
          </Button>
          <ChoiceList
            options={questions.map((q) => `【${QUESTION_TYPE_LABELS[q.type]}】${q.stem}`)}
            chosen={questions.flatMap((q, i) => (form.questionIds.includes(q.id) ? [i] : []))}
            multiple
            letters={false}
            onToggle={(i) => {
              const id = questions[i].id
              update({ questionIds: form.questionIds.includes(id) ? form.questionIds.filter((x) => x !== id) : [...form.questionIds, id] })
            }}
          />
        </StateView>
      </FormField>

      <CellGroup className='qa__cells'>
        {(['opens', 'closes'] as const).map((which) => (
          <Cell
            key={which}
            title={which === 'opens' ? '开始日期' : '截止日期'}
            align='center'
            clickable
            onClick={() => setPicker(which)}
            extra={
              <View className='qa__value'>
                <Text className='qa__value-text'>
                  {formatDateZh(form[which])} {which === 'opens' ? '0:00' : '23:59'}
                </Text>
                <ArrowRight className='qa__arrow' />
              </View>
            }
          />
        ))}
      </CellGroup>

      <View className='qa__numbers'>
        <FormField label='答题分钟数'>
          <Input className='field__input' type='number' value={form.minutes} onChange={(v) => update({ minutes: v })} />
        </FormField>
        <FormField label='及格分（百分制）'>
          <Input className='field__input' type='number' value={form.passScore} onChange={(v) => update({ passScore: v })} />
        </FormField>
      </View>
      <FormField label='通过可得积分（可不填）' hint={`不填则为 ${QUIZ_DEFAULTS.points} 分；通过还计 ${QUIZ_DEFAULTS.studyTenths / 10} 学时`}>
        <Input className='field__input' type='number' value={form.points} onChange={(v) => update({ points: v })} placeholder='0–20' />
      </FormField>

      <FormError text={error} />
      <View className='action-bar'>
        <Button block type='primary' className='action-bar__main' loading={busy} onClick={submit}>
          发布测试
        </Button>
      </View>

      {(['opens', 'closes'] as const).map((which) => (
        <DatePicker
          key={which}
          visible={picker === which}
          threeDimensional={false}
          title={which === 'opens' ? '开始日期' : '截止日期'}
          type='date'
          showChinese
          value={pickerDay(form[which])}
          startDate={pickerDay(which === 'opens' ? today : form.opens)}
          endDate={pickerDay(addDays(today, 366))}
          onConfirm={(_, values) => {
            const date = `${values[0]}-${pad(values[1])}-${pad(values[2])}`
            update(which === 'opens' ? { opens: date, closes: form.closes < date ? date : form.closes } : { closes: date })
          }}
          onClose={() => setPicker(null)}
        />
      ))}
    </View>
  )
}

const TITLES: Record<Screen, string> = { list: '题库与测试', 'new-quiz': '新建测试', 'new-question': '添加题目', import: '导入题目' }

function QuizAdmin({ member, view, tab }: { member: MemberView; view: Screen; tab: Tab }) {
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: TITLES[view] })
  }, [view])
  if (!mayManage(member)) {
    return (
      <View className='page'>
        <StateView status='ready' isEmpty empty={{ title: '仅支部书记和支委可以管理题库和测试', hint: '知识测试开放后，您可以在“学习”里参加。' }} />
      </View>
    )
  }
  if (view === 'new-quiz') return <NewQuiz />
  if (view === 'new-question') return <NewQuestion />
  if (view === 'import') return <Import />
  return <Lists initialTab={tab} />
}

export default function QuizAdminPage() {
  const params = useRouter().params
  const view = (['new-quiz', 'new-question', 'import'] as const).find((v) => v === params.view) ?? 'list'
  const tab: Tab = params.tab === 'bank' ? 'bank' : 'quizzes'
  return <SessionGate>{(member) => <QuizAdmin member={member} view={view} tab={tab} />}</SessionGate>
}
