import Taro from '@tarojs/taro'
import { useState } from 'react'
import { LIMITS } from '../../domain/limits'
import { useActionForm, type Problem } from '../../hooks/use-action-form'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { ApiError, call, type Result } from '../../services/call'
import { choosePhoto, photoForUpload, PhotoError, type PickedPhoto } from '../../services/photo'

type Loaded = Result<'minutes.get'>

export interface MinutesPhoto {
  fileId: string
  /** What an Image shows: the link the server gave, or the picked file before a reload. */
  src: string
}

export interface MinutesValues {
  host: string
  recorder: string
  topics: string[]
  summary: string
  decisions: string
  photos: MinutesPhoto[]
}

const MAX = LIMITS.minutes

/** Saved minutes as they are; new ones with the organiser who called the meeting as 主持人 (often so). */
export function startingValues(data: Loaded): MinutesValues {
  const m = data.minutes
  if (!m) {
    const host = data.roster.find((p) => p.memberId === data.meeting.createdBy)?.name ?? ''
    return { host, recorder: '', topics: [''], summary: '', decisions: '', photos: [] }
  }
  return {
    host: m.host,
    recorder: m.recorder,
    topics: m.topics.length ? m.topics : [''],
    summary: m.summary,
    decisions: m.decisions,
    photos: m.photos.map((fileId, i) => ({ fileId, src: data.photoUrls[i] ?? '' })),
  }
}

const filled = (topics: string[]) => topics.map((t) => t.trim()).filter(Boolean)

/** Every problem, one per field, so all the red words show at once. */
export function minutesProblems(v: MinutesValues): Problem[] {
  const found: Array<Problem | false> = [
    !v.host && { field: 'host', message: '请选择主持人' },
    !v.recorder && { field: 'recorder', message: '请选择记录人' },
    filled(v.topics).length === 0 && { field: 'topics', message: '至少写一个议题' },
    v.topics.some((t) => t.trim().length > MAX.topic) && { field: 'topics', message: `每个议题不超过 ${MAX.topic} 个字` },
    !v.summary.trim() && { field: 'summary', message: '请写内容摘要' },
    v.summary.trim().length > MAX.summary && { field: 'summary', message: `内容摘要不超过 ${MAX.summary} 个字` },
    v.decisions.trim().length > MAX.decisions && { field: 'decisions', message: `决议不超过 ${MAX.decisions} 个字` },
  ]
  return found.filter((p): p is Problem => Boolean(p))
}

/** A picked photo stored where the server can find it: cloud storage in WeChat, photo.upload in H5. */
async function storedPhoto(photo: PickedPhoto): Promise<MinutesPhoto> {
  if (process.env.TARO_ENV === 'weapp') return { fileId: await photoForUpload(photo, 'minutes'), src: photo.preview }
  const { fileId, url } = await call('photo.upload', { contentBase64: photo.local.slice(photo.local.indexOf(',') + 1), contentType: 'image/jpeg' })
  return { fileId, src: url }
}

/** The minutes form of one meeting: values, the open picker, photos added one at a time, 保存. */
export function useMinutesEditor(meetingId: string, data: Loaded, saved: () => void) {
  const [version, setVersion] = useState(data.minutes?.version ?? 0)
  const [picker, setPicker] = useState<'host' | 'recorder' | null>(null)
  const adding = useOneAtATime()
  const form = useActionForm({
    initial: () => startingValues(data),
    validate: minutesProblems,
    send: (v) =>
      call('minutes.save', {
        meetingId,
        host: v.host,
        recorder: v.recorder,
        topics: filled(v.topics),
        summary: v.summary,
        decisions: v.decisions,
        photos: v.photos.map((p) => p.fileId),
        version,
      }),
    onDone: (result) => {
      setVersion(result.minutes.version)
      Taro.showToast({ title: '已保存', icon: 'success' })
      saved()
    },
    fallbackError: '保存失败，请重试',
    toast: true,
  })

  const topicChanged = (i: number, text: string) => form.set('topics', form.values.topics.map((t, j) => (j === i ? text : t)))
  const topicAdded = () => form.set('topics', [...form.values.topics, ''])
  const topicRemoved = (i: number) => form.set('topics', form.values.topics.length > 1 ? form.values.topics.filter((_, j) => j !== i) : [''])

  const photoAdded = () =>
    adding.run(true, async () => {
      try {
        const picked = await choosePhoto()
        if (!picked) return
        const photo = await storedPhoto(picked)
        form.set('photos', [...form.values.photos, photo].slice(0, MAX.photosMax))
      } catch (err) {
        const words = err instanceof PhotoError || err instanceof ApiError ? err.message : '照片没有传上去，请重试'
        Taro.showToast({ title: words, icon: 'none' })
      }
    })
  const photoRemoved = (fileId: string) => form.set('photos', form.values.photos.filter((p) => p.fileId !== fileId))

  return {
    ...form,
    // Saved: ready for the next edit (the form stays on screen).
    submit: async () => {
      const ok = await form.submit()
      if (ok) form.reset(form.values)
      return ok
    },
    picker,
    setPicker,
    topicChanged,
    topicAdded,
    topicRemoved,
    photoAdded,
    photoRemoved,
    addingPhoto: adding.running !== null,
    canAddPhoto: form.values.photos.length < MAX.photosMax,
  }
}

export type MinutesEditor = ReturnType<typeof useMinutesEditor>
