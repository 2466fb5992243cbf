import { act, renderHook } from '@testing-library/react'
import type { MemberView } from '../../../types/models'
import { useSessionStore } from '../../stores/use-session-store'
import { fakeServer } from '../../testing/fake-server'
import { blankMeeting } from './meeting-form'
import { useMeetingForm } from './use-meeting-form'

const SECRETARY: MemberView = { id: 's', name: '王书记', roles: ['secretary'], branchId: 'b', groupId: 'g1', branchName: '示例党支部', groupName: '第一党小组' }
const GROUP_LEADER: MemberView = { ...SECRETARY, id: 'l', name: '李组长', roles: ['group_leader'] }

beforeEach(() => {
  useSessionStore.setState({ me: { openid: 's', member: SECRETARY, groups: [{ id: 'g1', name: '第一党小组' }, { id: 'g2', name: '第二党小组' }] } as never })
})

const form = (member = SECRETARY, meetingId?: string) => renderHook(() => useMeetingForm({ member, initial: blankMeeting(member), meetingId }))

/** Types a title and picks a date, the two things a new meeting lacks. */
function fillIn(current: ReturnType<typeof useMeetingForm>, title: string) {
  act(() => {
    current.set('title', title)
    current.set('date', '2025-03-28')
  })
}

describe('the meeting form', () => {
  it('shows every problem at once and sends nothing', async () => {
    const sent = fakeServer(() => ({}))
    const { result } = form()
    act(() => result.current.timeChosen('end', '14:00'))
    await act(async () => {
      await result.current.submit()
    })
    expect(result.current.errors).toEqual({ title: '请填写会议名称', date: '请选择会议日期', time: '结束时间应晚于开始时间' })
    expect(result.current.serverError).toBeNull()
    expect(sent).toEqual([])
  })

  it('creates the meeting with trimmed words and without an empty location or agenda', async () => {
    const sent = fakeServer(() => ({ meeting: { id: 'm1' } }))
    const { result } = form()
    fillIn(result.current, '  学习全会精神  ')
    await act(async () => {
      expect(await result.current.submit()).toBe(true)
    })
    expect(sent).toEqual([
      {
        action: 'meeting.create',
        payload: {
          type: 'branch_assembly',
          title: '学习全会精神',
          startAt: '2025-03-28T14:30:00+08:00',
          endAt: '2025-03-28T16:30:00+08:00',
          scope: { kind: 'branch' },
        },
      },
    ])
    expect(result.current.saving).toBe(true)
  })

  it('clears an emptied location when saving an existing meeting', async () => {
    const sent = fakeServer(() => ({}))
    const { result } = form(SECRETARY, 'm1')
    fillIn(result.current, '支委会')
    await act(async () => {
      await result.current.submit()
    })
    expect(sent[0].action).toBe('meeting.update')
    expect(sent[0].payload).toMatchObject({ meetingId: 'm1', location: '', agenda: '' })
  })

  it("shows the server's refusal in its own words, keeping what was typed", async () => {
    fakeServer(() => {
      throw { code: 'INVALID_INPUT', message: '参数有误：scope.groupId：本支部没有这个党小组', field: 'scope.groupId', detail: '本支部没有这个党小组' }
    })
    const { result } = form()
    fillIn(result.current, '党小组会')
    await act(async () => {
      expect(await result.current.submit()).toBe(false)
    })
    expect(result.current.serverError).toBe('本支部没有这个党小组')
    expect(result.current.values.title).toBe('党小组会')
  })

  it('gives a group leader only their own group’s 党小组会', () => {
    const { result } = form(GROUP_LEADER)
    expect(result.current.types).toEqual(['group'])
    expect(result.current.scopes).toEqual([{ kind: 'group', groupId: 'g1' }])
    expect(result.current.values.scope).toEqual({ kind: 'group', groupId: 'g1' })
  })

  it('moves the scope with the type: 支委会 is for the committee', () => {
    const { result } = form()
    act(() => result.current.typeChosen('committee'))
    expect(result.current.values.scope).toEqual({ kind: 'committee' })
  })
})
