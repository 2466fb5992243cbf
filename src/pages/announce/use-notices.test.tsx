import { act, renderHook, waitFor } from '@testing-library/react'
import { fakeServer } from '../../features/study/fake-server'
import { comingMonths, useCompose } from './use-notices'

const press = async (submit: () => Promise<unknown>) => {
  await act(async () => {
    await submit()
  })
}

const POSTED = {
  announcement: { id: 'a-1', scope: { kind: 'group', groupId: 'g-2' }, scopeName: '第二党小组', title: '学习通知', body: '周五学习', meetingId: null, byName: '王建华', createdAt: '2026-05-20T10:00:00+08:00', push: false, read: null, audienceCount: 10, readCount: 0 },
} as const

describe('发通知 (useCompose)', () => {
  it('puts each problem under its field and sends nothing', async () => {
    const server = fakeServer({ 'meeting.list': { meetings: [] } })
    const { result } = renderHook(() => useCompose())
    act(() => result.current.form.set('body', '字'.repeat(501)))
    await press(result.current.form.submit)
    expect(result.current.form.errors).toEqual({ title: '请填写标题', body: '内容不能超过 500 个字' })
    expect(server.actions()).not.toContain('announce.create')
  })

  it('sends what was chosen, trimmed, and retries a lost answer as the same notice', async () => {
    let fail = true
    const server = fakeServer({
      'meeting.list': { meetings: [] },
      'announce.create': () => (fail ? { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } } : POSTED) as never,
    })
    const { result } = renderHook(() => useCompose())
    await waitFor(() => expect(result.current.meetings.status).toBe('ready'))
    act(() => {
      result.current.form.set('title', '  学习通知 ')
      result.current.form.set('body', '周五学习')
      result.current.form.set('groupId', 'g-2')
      result.current.form.set('push', false)
    })
    await press(result.current.form.submit)
    expect(result.current.form.error).toBe('服务器开小差了，请稍后再试')
    fail = false
    await press(result.current.form.submit)
    expect(result.current.form.done).toEqual(POSTED)
    const sent = server.sent.filter((s) => s.action === 'announce.create').map((s) => s.payload)
    expect(sent).toHaveLength(2)
    expect(sent[0]).toEqual({ title: '学习通知', body: '周五学习', groupId: 'g-2', push: false, requestId: expect.stringMatching(/^[a-z0-9]{8,64}$/) })
    expect(sent[1].requestId).toBe(sent[0].requestId)
    // The whole branch and no meeting are not sent at all.
    expect(sent[0]).not.toHaveProperty('meetingId')
  })
})

describe('the rota’s months', () => {
  it('are this month and the five after it, across a year end', () => {
    expect(comingMonths('2026-11-30')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04'])
  })
})
