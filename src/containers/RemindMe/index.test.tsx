import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { RemindMe } from '.'
import { fakeServer } from '../../testing/fake-server'

/** subscription.mine answers no credit yet; subscription.record the credit an 允许 gives. */
const server = () =>
  fakeServer((_, payload) => {
    const results = payload.results as Record<string, string> | undefined
    return { credits: { dues_reminder: results?.dues_reminder === 'accept' ? 1 : 0, meeting_reminder: 0 } }
  })

describe('RemindMe in H5 local mode', () => {
  it('asks through the stand-in sheet, tells the server the answer, and shows the reminders left', async () => {
    const sent = server()
    render(<RemindMe kinds={['dues_reminder']} label='缴费日提醒我' />)
    await screen.findByText('目前收不到微信提醒，点上面的按钮开启')
    fireEvent.click(screen.getByText('缴费日提醒我'))
    await screen.findByText('党费缴纳提醒')
    fireEvent.click(screen.getByText('允许'))
    await screen.findByText('还可提醒 1 次')
    expect(sent.map((s) => s.action)).toEqual(['subscription.mine', 'subscription.record'])
    expect(sent[1].payload).toEqual({ results: { dues_reminder: 'accept' } })
    await waitFor(() => expect(screen.queryByText('党费缴纳提醒')).toBeNull())
  })
})
