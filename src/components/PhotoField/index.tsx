import { Image, Text, View } from '@tarojs/components'
import { Button } from '../ui'
import './index.scss'

interface Props {
  label: string
  /** What an Image can show of the chosen photo; null for none. */
  preview: string | null
  /** What the photo is for, under the label. */
  hint?: string
  /** While a photo is being picked and shrunk. */
  busy: boolean
  onPick: () => void
  onClear: () => void
}

/** An optional photo: a button to add one, then the picture with 换一张 and 不要了. */
export function PhotoField({ label, preview, hint, busy, onPick, onClear }: Props) {
  return (
    <View className='photo-field'>
      <Text className='photo-field__label'>{label}</Text>
      {hint ? <Text className='photo-field__hint'>{hint}</Text> : null}
      {preview ? (
        <View className='photo-field__chosen'>
          <Image className='photo-field__image' src={preview} mode='aspectFit' />
          <View className='photo-field__actions'>
            <Button fill='outline' className='photo-field__button' loading={busy} onClick={onPick}>
              换一张
            </Button>
            <Button fill='none' className='photo-field__button' onClick={onClear}>
              不要了
            </Button>
          </View>
        </View>
      ) : (
        <Button fill='outline' className='photo-field__button photo-field__add' loading={busy} onClick={onPick}>
          + 添加照片
        </Button>
      )}
    </View>
  )
}
