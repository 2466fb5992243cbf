import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { RemindMe } from '.'

type Sent = { action: string; payload: Record<string, unknown> }

/** subscription.mine answers no credit yet; subscription.record the credit the answer gave. */
function server() {
  const sent: Sent[] = []
  global.fetch = jest.fn(async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as Sent
    sent.push(body)
    const accepted = body.payload.results && (body.payload.results as Record<string, string>).dues_reminder === 'accept'
    return { json: async () => ({ ok: true, data: { credits: { dues_reminder: accepted ? 1 : 0, meeting_reminder: 0 } } }) }
  }) as unknown as typeof fetch
  return sent
}

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
