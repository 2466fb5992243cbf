import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { ChoiceList } from '.'
import { toggleChoice } from '../../display/quiz-view'

function Question({ type }: { type: 'single' | 'multiple' }) {
  const [chosen, setChosen] = useState<number[]>([])
  return (
    <ChoiceList
      options={['共产主义', '小康社会', '现代化']}
      chosen={chosen}
      multiple={type === 'multiple'}
      onToggle={(i) => setChosen((c) => toggleChoice(type, c, i))}
    />
  )
}

const checked = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('[aria-checked="true"]')).map((el) => el.getAttribute('data-index'))

describe('ChoiceList', () => {
  it('keeps one option of a single-choice question, and says 已选 beside it', () => {
    const { container } = render(<Question type='single' />)
    fireEvent.click(screen.getByText('共产主义'))
    fireEvent.click(screen.getByText('现代化'))
    expect(checked(container)).toEqual(['2'])
    expect(screen.getAllByText('已选')).toHaveLength(1)
    expect(screen.getByText('A')).toBeTruthy()
  })

  it('toggles options of a multiple-choice question', () => {
    const { container } = render(<Question type='multiple' />)
    fireEvent.click(screen.getByText('共产主义'))
    fireEvent.click(screen.getByText('小康社会'))
    fireEvent.click(screen.getByText('共产主义'))
    expect(checked(container)).toEqual(['1'])
  })

  it('after submitting, marks the right answer and a wrong choice in words and ignores taps', () => {
    const onToggle = jest.fn()
    const { container } = render(<ChoiceList options={['甲', '乙', '丙']} chosen={[0]} answer={[1]} onToggle={onToggle} />)
    expect(screen.getByText('选错')).toBeTruthy()
    expect(screen.getByText('正确答案')).toBeTruthy()
    fireEvent.click(screen.getByText('丙'))
    expect(onToggle).not.toHaveBeenCalled()
    expect(container.querySelector('.choice--wrong')?.getAttribute('data-index')).toBe('0')
    expect(container.querySelector('.choice--missed')?.getAttribute('data-index')).toBe('1')
  })

  it('side by side, puts a tick before the chosen word instead of 已选', () => {
    render(<ChoiceList options={['关闭', '开启']} chosen={[1]} letters={false} columns={2} onToggle={() => undefined} />)
    expect(screen.getByText('✓ 开启')).toBeTruthy()
    expect(screen.queryByText('已选')).toBeNull()
    expect(screen.queryByText('A')).toBeNull()
  })
})
