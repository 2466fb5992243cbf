import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PhotoField as PhotoFieldView } from '../../components/PhotoField'
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

  return <PhotoFieldView label={label} hint={hint} preview={value?.preview ?? null} busy={busy} onPick={pick} onClear={() => onChange(null)} />
}
