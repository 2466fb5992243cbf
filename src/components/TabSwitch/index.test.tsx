import { fireEvent, render, screen } from '@testing-library/react'
import { TabSwitch } from '.'

describe('TabSwitch', () => {
  it('marks the chosen tab, shows a count beside its label and reports taps', () => {
    const onChange = jest.fn()
    render(
      <TabSwitch
        items={[
          { key: 'pending', label: '待审核', badge: 2 },
          { key: 'overview', label: '学时' },
        ]}
        value='pending'
        onChange={onChange}
      />,
    )
    expect(screen.getByText('待审核 2').closest('[role="tab"]')?.getAttribute('aria-selected')).toBe('true')
    fireEvent.click(screen.getByText('学时'))
    expect(onChange).toHaveBeenCalledWith('overview')
  })
})
