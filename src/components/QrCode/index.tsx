import { Image, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { useMemo } from 'react'
import './index.scss'

/** Pixels per module in the generated GIF: sharp enough when the image is scaled to the screen. */
const CELL = 8

/** The QR code for a text as a GIF data URL, which an Image shows in the mini-program and in H5. */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  // A quiet zone of four modules, as scanners expect.
  return qr.createDataURL(CELL, CELL * 4)
}

interface Props {
  text: string
  /** A ready image of the code (WeChat's 小程序码), shown instead of drawing `text`. */
  image?: string
  /** Greyed out with a note on top, e.g. while a replacement is being fetched. */
  dimmed?: boolean
  note?: string
}

/** A large square QR code on white. */
export function QrCode({ text, image, dimmed, note }: Props) {
  const drawn = useMemo(() => (image ? null : qrDataUrl(text)), [text, image])
  const src = image ?? (drawn as string)
  return (
    <View className={dimmed ? 'qr-code qr-code--dimmed' : 'qr-code'}>
      <Image className='qr-code__img' src={src} mode='aspectFit' ariaLabel='签到二维码' />
      {note ? <View className='qr-code__note'>{note}</View> : null}
    </View>
  )
}
