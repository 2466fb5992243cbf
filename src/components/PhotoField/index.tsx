import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { choosePhoto, PhotoError, type PickedPhoto } from '../../services/photo'
import { Button } from '../ui'
import './index.scss'

interface Props {
  label: string
  value: PickedPhoto | null
  onChange: (photo: PickedPhoto | null) => void
  /** What the photo is for, under the label. */
  hint?: string
}

/** An optional photo: a button to add one, then the picture with 换一张 and 不要了. */
export function PhotoField({ label, value, onChange, hint }: Props) {
  const [busy, setBusy] = useState(false)

  async function pick() {
    if (busy) return
    setBusy(true)
    try {
      const photo = await choosePhoto()
      if (photo) onChange(photo)
    } catch (err) {
      Taro.showToast({ title: err instanceof PhotoError ? err.message : '图片没有处理好，请换一张', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='photo-field'>
      <Text className='photo-field__label'>{label}</Text>
      {hint ? <Text className='photo-field__hint'>{hint}</Text> : null}
      {value ? (
        <View className='photo-field__chosen'>
          <Image className='photo-field__image' src={value.preview} mode='aspectFit' />
          <View className='photo-field__actions'>
            <Button fill='outline' className='photo-field__button' loading={busy} onClick={pick}>
              换一张
            </Button>
            <Button fill='none' className='photo-field__button' onClick={() => onChange(null)}>
              不要了
            </Button>
          </View>
        </View>
      ) : (
        <Button fill='outline' className='photo-field__button photo-field__add' loading={busy} onClick={pick}>
          + 添加照片
        </Button>
      )}
    </View>
  )
}
