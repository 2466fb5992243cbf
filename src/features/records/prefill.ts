import type { MeetingType } from '../../../types/models'
import { LIMITS } from '../../domain/limits'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'
import type { MeetingFormValues } from '../meetings/meeting-form'

export interface Prefill {
  type?: string
  groupId?: string
  title?: string
}

/**
 * A new meeting's form as the checklist opens it (type, group, title in the link), on top of the
 * blank form; anything the link gets wrong is ignored, so a bad link still opens a usable form.
 */
export function prefilledMeeting(blank: MeetingFormValues, p: Prefill): MeetingFormValues {
  // The types the app knows (its labels' keys; types/ holds no run-time values for the client).
  const type = Object.keys(MEETING_TYPE_LABELS).includes(p.type ?? '') ? (p.type as MeetingType) : null
  if (!type) return blank
  const scope = type === 'group' && p.groupId ? { kind: 'group' as const, groupId: p.groupId } : type === 'committee' ? { kind: 'committee' as const } : type === 'group' ? blank.scope : { kind: 'branch' as const }
  return { ...blank, type, scope, title: (p.title ?? '').slice(0, LIMITS.meeting.title) }
}
