import { Text, View } from '@tarojs/components'
import { optionLetter } from '../../display/quiz-view'
import './index.scss'

interface Props {
  options: readonly string[]
  chosen: readonly number[]
  /** Several may be chosen (多选); otherwise choosing one replaces the other. */
  multiple?: boolean
  onToggle?: (index: number) => void
  /** After submitting: the right answer is marked, and the list no longer responds to taps. */
  answer?: readonly number[]
  /** Letters A, B, C… before each option (questions); off for plain choices such as a kind. */
  letters?: boolean
  /** Lay short options out side by side, this many to a row. */
  columns?: 2 | 3
}

type Mark = 'right' | 'wrong' | 'missed' | null

function markOf(i: number, chosen: readonly number[], answer?: readonly number[]): Mark {
  if (!answer) return null
  const isAnswer = answer.includes(i)
  const isChosen = chosen.includes(i)
  if (isAnswer && isChosen) return 'right'
  if (isChosen) return 'wrong'
  if (isAnswer) return 'missed'
  return null
}

const MARK_WORDS: Record<Exclude<Mark, null>, string> = { right: '答对', wrong: '选错', missed: '正确答案' }

/** Large tappable options (at least 52 px high) for quiz questions and other one-of choices. */
export function ChoiceList({ options, chosen, multiple, onToggle, answer, letters = true, columns }: Props) {
  const reviewing = Boolean(answer)
  return (
    <View className={columns ? `choices choices--grid choices--cols-${columns}` : 'choices'} role={multiple ? 'group' : 'radiogroup'}>
      {options.map((text, i) => {
        const on = chosen.includes(i)
        const mark = markOf(i, chosen, answer)
        const classes = ['choice', on ? 'choice--on' : '', mark ? `choice--${mark}` : '', reviewing ? 'choice--still' : ''].filter(Boolean).join(' ')
        return (
          <View
            key={i}
            className={classes}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            data-index={i}
            onClick={reviewing || !onToggle ? undefined : () => onToggle(i)}
          >
            {letters ? <Text className='choice__letter'>{optionLetter(i)}</Text> : null}
            {/* Side by side there is no room for the word: a tick before the text says it. */}
            <Text className='choice__text'>{columns && on ? `✓ ${text}` : text}</Text>
            {mark ? (
              <Text className={`choice__mark choice__mark--${mark}`}>{MARK_WORDS[mark]}</Text>
            ) : on && !columns ? (
              <Text className='choice__tick'>已选</Text>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
