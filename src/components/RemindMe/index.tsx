import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Credits } from '../../../types/views'
import type { TemplateKind } from '../../../types/models'
import { ApiError, call } from '../../services/call'
import { askForReminders } from '../../services/subscribe'
import { SubscribeSheet } from '../SubscribeSheet'
import { Button } from '../ui'
import './index.scss'

interface Props {
  kinds: TemplateKind[]
  /** The button's words, e.g. 提醒我 or 会前提醒我. */
  label?: string
  /** A secondary (outline) button, for screens whose main action is something else. */
  secondary?: boolean
}

const total = (credits: Credits, kinds: TemplateKind[]) => Math.min(...kinds.map((k) => credits[k] ?? 0))

/** "提醒我": asks WeChat for one-time subscriptions and shows how many reminders are left. */
export function RemindMe({ kinds, label = '提醒我', secondary }: Props) {
  const [credits, setCredits] = useState<Credits | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    call('subscription.mine', {}).then(
      (r) => setCredits(r.credits),
      () => setCredits(null),
    )
  }, [])

  async function ask() {
    if (busy) return
    setBusy(true)
    try {
      const next = await askForReminders(kinds)
      const gained = credits ? total(next, kinds) > total(credits, kinds) : total(next, kinds) > 0
      setCredits(next)
      Taro.showToast({ title: gained ? '好的，到时会提醒您' : '没有开启提醒', icon: gained ? 'success' : 'none' })
    } catch (err) {
      Taro.showToast({ title: err instanceof ApiError ? err.message : '没有成功，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const left = credits ? total(credits, kinds) : null
  return (
    <View className='remind-me'>
      <Button className='remind-me__button' type='primary' fill={secondary ? 'outline' : 'solid'} block loading={busy} onClick={ask}>
        {label}
      </Button>
      {left !== null ? (
        <Text className='remind-me__left'>{left > 0 ? `还可提醒 ${left} 次` : '目前收不到微信提醒，点上面的按钮开启'}</Text>
      ) : null}
      <SubscribeSheet />
    </View>
  )
}
