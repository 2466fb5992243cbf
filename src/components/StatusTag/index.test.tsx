import { render, screen } from '@testing-library/react'
import { StatusTag } from '.'
import { STATUS_LABELS, type StatusKind } from '../../display/meeting-display'

describe('StatusTag', () => {
  it.each([
    ['present', '已签到'],
    ['late', '迟到'],
    ['leave', '请假'],
    ['absent', '缺席'],
    ['makeup', '补签'],
  ] as Array<[StatusKind, string]>)('shows %s as the word 「%s」 beside its colour', (status, word) => {
    const { container } = render(<StatusTag status={status} />)
    expect(screen.getByText(word)).toBeTruthy()
    const tag = container.querySelector('.status-tag')!
    expect(tag.className).toContain(`status-tag--${status}`)
    // The colour dot never stands alone.
    expect(tag.querySelector('.status-tag__dot')).toBeTruthy()
  })

  it('has a Chinese word for every status a screen can show, and no raw code', () => {
    for (const [status, word] of Object.entries(STATUS_LABELS)) {
      const { container, unmount } = render(<StatusTag status={status as StatusKind} />)
      expect(container.textContent).toBe(word)
      expect(container.textContent).not.toMatch(/[a-z_]/i)
      unmount()
    }
  })

  it('uses hyphenated modifiers for two-word statuses and a large variant', () => {
    const { container } = render(<StatusTag status='leave_pending' large />)
    const tag = container.querySelector('.status-tag')!
    expect(tag.className).toContain('status-tag--leave-pending')
    expect(tag.className).toContain('status-tag--large')
    expect(screen.getByText('请假待批')).toBeTruthy()
  })
})
