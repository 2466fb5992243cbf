/**
 * An optional photo for a self-study record or a 学习强国 screenshot. In the mini-program the
 * photo is uploaded to cloud storage and the server gets its fileID; locally (H5) it is shrunk
 * in the browser and sent as a small JPEG data URL.
 */
import Taro from '@tarojs/taro'
import { COLORS } from '../styles/colors'

/** The longest side after shrinking, and the JPEG quality: keeps a phone photo under ~300 KB. */
const MAX_SIDE = 1024
const QUALITY = 0.7
/** The data URL's length cap: the server takes up to 400,000 characters (about 290 KB of JPEG). */
const MAX_CHARS = 380_000

export interface PickedPhoto {
  /** What an Image can show now. */
  preview: string
  /** H5: the data URL to send. Weapp: the local temp file, uploaded on submit. */
  local: string
}

export class PhotoError extends Error {}

/** Asks for one photo; null when the person backs out. */
export async function choosePhoto(): Promise<PickedPhoto | null> {
  let path: string
  try {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    path = res.tempFilePaths[0]
  } catch {
    return null
  }
  if (!path) return null
  if (process.env.TARO_ENV === 'h5') {
    const dataUrl = await shrinkInBrowser(path)
    return { preview: dataUrl, local: dataUrl }
  }
  return { preview: path, local: path }
}

/** What the server is sent for a picked photo: the data URL (H5) or the uploaded file's fileID. */
export async function photoForUpload(photo: PickedPhoto, folder: 'study' | 'xuexi' | 'minutes'): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return photo.local
  const ext = /\.(png|jpe?g|gif|webp)$/i.exec(photo.local)?.[1] ?? 'jpg'
  const name = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: name, filePath: photo.local })
    return res.fileID
  } catch {
    throw new PhotoError('照片没有传上去，请检查网络后重试，或先不加照片')
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new PhotoError('这张图片无法读取，请换一张'))
    img.src = src
  })
}

/** Draws the photo at most MAX_SIDE px on a canvas and reads it back as JPEG, smaller if need be. */
async function shrinkInBrowser(src: string): Promise<string> {
  const img = await loadImage(src)
  let side = MAX_SIDE
  let quality = QUALITY
  for (;;) {
    const scale = Math.min(1, side / Math.max(img.naturalWidth, img.naturalHeight))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new PhotoError('这台设备无法处理图片，请先不加照片')
    // JPEG has no transparency: a white ground instead of black behind a transparent PNG.
    ctx.fillStyle = COLORS.surface
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    const url = canvas.toDataURL('image/jpeg', quality)
    if (url.length <= MAX_CHARS) return url
    if (side <= 320) throw new PhotoError('这张图片太大，请换一张或截一小块')
    if (quality > 0.5) quality = 0.5
    else side = Math.round(side * 0.75)
  }
}
