import Taro from '@tarojs/taro'
import { PhotoField as PhotoFieldView } from '../../components/PhotoField'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { choosePhoto, PhotoError, type PickedPhoto } from '../../services/photo'

interface Props {
  label: string
  value: PickedPhoto | null
  onChange: (photo: PickedPhoto | null) => void
  /** What the photo is for, under the label. */
  hint?: string
}

/** An optional photo, picked from the album or the camera and shrunk for sending. */
export function PhotoField({ label, value, onChange, hint }: Props) {
  const picking = useOneAtATime()

  const pick = () =>
    picking.run(true, async () => {
      try {
        const photo = await choosePhoto()
        if (photo) onChange(photo)
      } catch (err) {
        Taro.showToast({ title: err instanceof PhotoError ? err.message : '图片没有处理好，请换一张', icon: 'none' })
      }
    })

  return <PhotoFieldView label={label} hint={hint} preview={value?.preview ?? null} busy={picking.running !== null} onPick={pick} onClear={() => onChange(null)} />
}
