import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Credits } from '../../../types/views'
import type { TemplateKind } from '../../../types/models'
import { errorText } from '../../services/call'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { askForReminders, myCredits } from '../../services/subscribe'
import { useSubscribeStore } from '../../stores/use-subscribe-store'

const total = (credits: Credits, kinds: TemplateKind[]) => Math.min(...kinds.map((k) => credits[k] ?? 0))

/** "提醒我": how many reminders of these kinds are left, and asking for more (from a tap). */
export function useReminders(kinds: TemplateKind[]) {
  const [credits, setCredits] = useState<Credits | null>(null)
  const asking = useOneAtATime()

  useEffect(() => {
    myCredits().then(setCredits, () => setCredits(null))
  }, [])

  const ask = () =>
    asking.run(true, async () => {
      try {
        const next = await askForReminders(kinds, useSubscribeStore.getState().sheetRequested)
        const gained = credits ? total(next, kinds) > total(credits, kinds) : total(next, kinds) > 0
        setCredits(next)
        Taro.showToast({ title: gained ? '好的，到时会提醒您' : '没有开启提醒', icon: gained ? 'success' : 'none' })
      } catch (err) {
        Taro.showToast({ title: errorText(err, '没有成功，请重试'), icon: 'none' })
      }
    })

  return { left: credits ? total(credits, kinds) : null, busy: asking.running !== null, ask }
}
