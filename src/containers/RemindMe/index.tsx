import type { TemplateKind } from '../../../types/models'
import { RemindMe as RemindMeView } from '../../components/RemindMe'
import { SubscribeSheet } from '../../components/SubscribeSheet'
import { useReminders } from '../../features/reminders/use-reminders'
import { useSubscribeStore } from '../../stores/use-subscribe-store'

interface Props {
  kinds: TemplateKind[]
  label?: string
  secondary?: boolean
}

/** "提醒我": asks WeChat for one-time subscriptions and shows how many reminders are left. */
export function RemindMe({ kinds, label, secondary }: Props) {
  const { left, busy, ask } = useReminders(kinds)
  const asking = useSubscribeStore((s) => s.asking)
  const answered = useSubscribeStore((s) => s.sheetAnswered)
  return (
    <RemindMeView label={label} secondary={secondary} left={left} busy={busy} onAsk={ask}>
      <SubscribeSheet asking={asking} onAnswer={answered} />
    </RemindMeView>
  )
}
