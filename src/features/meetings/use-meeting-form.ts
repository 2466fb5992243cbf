import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MeetingScope, MeetingType, MemberView } from '../../../types/models'
import { useActionForm } from '../../hooks/use-action-form'
import { call } from '../../services/call'
import { useSessionStore } from '../../stores/use-session-store'
import { defaultScope, meetingFields, meetingProblems, onlyGroupMeetings, scopesFor, typesFor, type MeetingFormValues } from './meeting-form'

export type MeetingPicker = 'type' | 'date' | 'start' | 'end' | 'scope'

interface Options {
  member: MemberView
  initial: MeetingFormValues
  /** When editing: the meeting, and its group's name for a group meeting. */
  meetingId?: string
  meetingGroupName?: string | null
}

/** Creates or saves the meeting, then goes on: back after saving, to the new meeting after creating. */
async function saveMeeting(values: MeetingFormValues, meetingId: string | undefined) {
  const fields = meetingFields(values)
  if (meetingId) {
    // An emptied location or agenda is sent as '' so that it is cleared.
    await call('meeting.update', { meetingId, ...fields, location: values.location.trim(), agenda: values.agenda.trim() })
    Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => Taro.navigateBack(), 600)
    return
  }
  const { meeting } = await call('meeting.create', fields)
  Taro.showToast({ title: '已创建', icon: 'success' })
  setTimeout(() => Taro.redirectTo({ url: `/pages/meeting-detail/index?id=${encodeURIComponent(meeting.id)}` }), 600)
}

/** The meeting form: its values, the choices on offer, the open picker, and 保存. */
export function useMeetingForm({ member, initial, meetingId, meetingGroupName = null }: Options) {
  const form = useActionForm({
    initial,
    validate: meetingProblems,
    send: (values) => saveMeeting(values, meetingId),
    fallbackError: '保存失败，请重试',
    toast: true,
  })
  const [picker, setPicker] = useState<MeetingPicker | null>(null)
  const groups = useSessionStore((s) => s.me?.groups ?? [])
  const groupOnly = onlyGroupMeetings(member)
  const scopes = scopesFor(member, groups, initial.scope)

  const groupNameOf = (s: MeetingScope) => {
    if (s.kind !== 'group') return null
    return groups.find((g) => g.id === s.groupId)?.name ?? (s.groupId === member.groupId ? member.groupName : meetingGroupName)
  }
  const typeChosen = (type: MeetingType) => form.setValues((v) => ({ ...v, type, scope: defaultScope(type, member) }))
  const timeChosen = (which: 'start' | 'end', hhmm: string) => form.set('time', { ...form.values.time, [which]: hhmm })
  // The server's refusal shows in a box; the problems found before sending, beside their fields.
  const serverError = form.error && !(form.errorField && form.errors[form.errorField]) ? form.error : null

  return {
    ...form,
    editing: Boolean(meetingId),
    // Sent: the button keeps its spinner until the next page opens.
    saving: form.busy || form.done !== null,
    serverError,
    groupOnly,
    types: typesFor(member),
    scopes,
    groupNameOf,
    picker,
    setPicker,
    typeChosen,
    timeChosen,
  }
}

export type MeetingFormModel = ReturnType<typeof useMeetingForm>
