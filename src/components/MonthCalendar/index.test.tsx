import { fireEvent, render, screen } from '@testing-library/react'
import { MonthCalendar } from '.'

describe('MonthCalendar', () => {
  it('lays December 2026 out Monday first, with its days marked and today ringed', () => {
    const { container } = render(
      <MonthCalendar
        month='2026-12'
        today='2026-12-02'
        marks={{ '2026-12-25': ['theme'], '2026-12-18': ['dues', 'meeting'] }}
      />,
    )
    expect(screen.getByText('2026年12月')).toBeTruthy()
    const days = container.querySelectorAll('.month-cal__day')
    // 1 December 2026 is a Tuesday: one blank before it, and the grid ends on a full week.
    expect(days[0].className).toContain('month-cal__day--blank')
    expect(days[1].getAttribute('data-date')).toBe('2026-12-01')
    expect(days.length % 7).toBe(0)
    expect(container.querySelectorAll('[data-date]').length).toBe(31)

    const themeDay = container.querySelector('[data-date="2026-12-25"]')!
    expect(themeDay.textContent).toBe('25党')
    expect(container.querySelector('[data-date="2026-12-18"]')!.textContent).toBe('18费会')
    expect(container.querySelector('[data-date="2026-12-02"]')!.className).toContain('month-cal__day--today')
    // The legend spells out what each character means.
    for (const word of ['主题党日', '党费缴纳日', '会议', '今天']) expect(screen.getByText(word)).toBeTruthy()
  })

  it('pages by month only where allowed', () => {
    const onPrev = jest.fn()
    const { container } = render(<MonthCalendar month='2026-12' today='2026-12-02' marks={{}} onPrev={onPrev} />)
    fireEvent.click(container.querySelector('[aria-label="上个月"]')!)
    expect(onPrev).toHaveBeenCalledTimes(1)
    expect(container.querySelector('[aria-label="下个月"]')!.className).toContain('month-cal__nav--off')
  })
})
