import type { TemplateKind } from '../../types/models'

/** What each reminder template is called on screen. */
export const TEMPLATE_LABELS: Record<TemplateKind, string> = {
  meeting_reminder: '会议和主题党日提醒',
  dues_reminder: '党费缴纳提醒',
}
