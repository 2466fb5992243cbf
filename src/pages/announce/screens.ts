/** The notice pages' screens, each opened as its own page (`?view=`) so that 返回 goes back where it came from. */
export type Screen = 'read' | 'compose' | 'readers' | 'duty'

export const TITLES: Record<Screen, string> = {
  read: '支部通知',
  compose: '发通知',
  readers: '已读情况',
  duty: '轮值党务干事',
}

export function screenOf(view: string | undefined): Screen {
  return (Object.keys(TITLES) as Screen[]).find((v) => v === view) ?? 'read'
}
