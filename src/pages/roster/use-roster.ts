import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RemovalReason } from '../../../types/models'
import { useActionForm } from '../../hooks/use-action-form'
import { useOneAtATime } from '../../hooks/use-one-at-a-time'
import { useRemote } from '../../hooks/use-remote'
import { useStartingValues } from '../../hooks/use-starting-values'
import { call, errorText, type Result } from '../../services/call'
import { pickSpreadsheet, SpreadsheetFileError, type PickedFile } from '../../services/spreadsheet-file'
import { useSessionStore } from '../../stores/use-session-store'
import { sessionRefreshed } from '../../features/onboarding/use-onboarding'

export type RosterMember = Result<'member.list'>['members'][number]
export type Standing = RosterMember['standing']
export type AssignableRole = 'secretary' | 'deputy' | 'committee'

const PHONE_TAIL = /^\d{4}$/
const say = (title: string) => Taro.showToast({ title, icon: 'none', duration: 2500 })

const NO_GROUPS: Array<{ id: string; name: string }> = []

/** The branch's groups as session.me knows them, asked again after a change. */
export function useGroups() {
  const groups = useSessionStore((s) => s.me?.groups ?? NO_GROUPS)
  return { groups, refreshed: sessionRefreshed }
}

export function useRosterList() {
  return useRemote(() => call('member.list', { includeInactive: true }), [])
}

export function useJoinCount() {
  return useRemote(async () => (await call('join.list', {})).requests.filter((r) => r.state === 'pending').length, [])
}

export interface MemberEdit {
  name: string
  phoneTail: string
  groupId: string | null
  standing: Standing
  roles: AssignableRole[]
}

const ASSIGNABLE: readonly AssignableRole[] = ['secretary', 'deputy', 'committee']

/** One member: their record and its history, the edit form, and remove / unbind. */
export function useMemberPage(memberId: string) {
  const record = useRemote(() => call('member.get', { memberId }), [memberId])
  const busy = useOneAtATime<'remove' | 'unbind'>()
  const form = useActionForm({
    initial: (): MemberEdit => ({ name: '', phoneTail: '', groupId: null, standing: 'full', roles: [] }),
    validate: (v) =>
      [
        !v.name.trim() ? { field: 'name', message: '请填写姓名' } : null,
        !PHONE_TAIL.test(v.phoneTail.trim()) ? { field: 'phoneTail', message: '请填写手机号的后 4 位数字' } : null,
      ].filter((p) => p !== null),
    send: (v) => call('member.update', { memberId, name: v.name.trim(), phoneTail: v.phoneTail.trim(), groupId: v.groupId, standing: v.standing, roles: v.roles }),
    onDone: (_result, values) => {
      say('已保存')
      form.reset(values)
      record.reload()
    },
    fallbackError: '没有保存成功，请重试',
  })
  const member = record.data?.member
  // The form starts from the record each time it (re)loads.
  useStartingValues(member, form.setValues, (m) => ({
    name: m.name,
    phoneTail: m.phoneTail ?? '',
    groupId: m.groupId,
    standing: m.standing,
    roles: ASSIGNABLE.filter((r) => m.roles.includes(r)),
  }))

  const removed = (reason: RemovalReason, note: string) =>
    busy.run('remove', async () => {
      try {
        await call('member.remove', { memberId, reason, ...(note.trim() ? { note: note.trim() } : {}) })
        say('已移出名册，历史记录保留')
        record.reload()
      } catch (err) {
        say(errorText(err, '没有移出成功，请重试'))
      }
    })
  const unbound = () =>
    busy.run('unbind', async () => {
      try {
        await call('member.unbind', { memberId })
        say('已解除微信绑定')
        record.reload()
      } catch (err) {
        say(errorText(err, '没有解除成功，请重试'))
      }
    })
  return { record, form, removed, unbound, busy: busy.running }
}

/** 添加党员: one roster row, written at once (the import's rules, so a name and tail that exist update). */
export function useAddMember() {
  return useActionForm({
    initial: { name: '', phoneTail: '', standing: 'full' as Standing, group: '' },
    validate: (v) =>
      [
        !v.name.trim() ? { field: 'name', message: '请填写姓名' } : null,
        !PHONE_TAIL.test(v.phoneTail.trim()) ? { field: 'phoneTail', message: '请填写手机号的后 4 位数字' } : null,
      ].filter((p) => p !== null),
    send: async (v) => {
      const row = { name: v.name.trim(), phoneTail: v.phoneTail.trim(), standing: v.standing, ...(v.group ? { group: v.group } : {}) }
      return call('member.import', { rows: [row], commit: true })
    },
    fallbackError: '没有添加成功，请重试',
  })
}

/** 党小组: create, rename, choose a leader. */
export function useGroupActions() {
  const { refreshed } = useGroups()
  const members = useRosterList()
  const busy = useOneAtATime<string>()
  const act = (key: string, done: string, task: () => Promise<unknown>) =>
    busy.run(key, async () => {
      try {
        await task()
        await refreshed()
        members.refresh()
        say(done)
      } catch (err) {
        say(errorText(err, '没有成功，请重试'))
      }
    })
  return {
    members,
    busy: busy.running,
    created: (name: string) => act('create', '已新建党小组', () => call('group.create', { name })),
    renamed: (groupId: string, name: string) => act(groupId, '已改名', () => call('group.update', { groupId, name })),
    leaderChosen: (groupId: string, leaderId: string | null) => act(groupId, leaderId ? '已设为党小组长' : '已取消党小组长', () => call('group.update', { groupId, leaderId })),
  }
}

/** 加入申请: pending requests with the roster match, approved or refused with one tap. */
export function useJoinRequests() {
  const list = useRemote(() => call('join.list', {}), [])
  const busy = useOneAtATime<string>()
  const reviewed = (requestId: string, approve: boolean) =>
    busy.run(requestId, async () => {
      try {
        await call('join.review', { requestId, approve })
        say(approve ? '已批准，对方的小程序会自动打开' : '已不批准')
        list.refresh()
      } catch (err) {
        say(errorText(err, '没有成功，请重试'))
      }
    })
  return { list, reviewed, busy: busy.running }
}

/** The invite poster: the 小程序码 in WeChat, else the join link as a QR; and 更换邀请码. */
export function useInvite() {
  const invite = useRemote(() => call('invite.poster', {}), [])
  const busy = useOneAtATime<'rotate'>()
  const rotated = () =>
    busy.run('rotate', async () => {
      try {
        await call('invite.rotate', {})
        say('已更换，旧的二维码和邀请码不再有效')
        invite.refresh()
      } catch (err) {
        say(errorText(err, '没有更换成功，请重试'))
      }
    })
  return { invite, rotated, rotating: busy.running === 'rotate' }
}

type ImportAnswer = Result<'member.import'>

/** 导入名册: pick a file, see every row's problems, then write all of it. */
export function useRosterImport() {
  const [file, setFile] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<ImportAnswer | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const reading = useOneAtATime<'read'>()
  const commit = useActionForm({
    initial: {},
    send: () => call('member.import', { file: file!, commit: true }),
    fallbackError: '没有导入成功，请重试',
    toast: true,
  })

  const fileChosen = () =>
    reading.run('read', async () => {
      try {
        const picked = await pickSpreadsheet()
        if (!picked) return
        setFile(picked)
        setPreview(null)
        setFileError(null)
        commit.reset()
        setPreview(await call('member.import', { file: picked, commit: false }))
      } catch (err) {
        setFileError(err instanceof SpreadsheetFileError ? err.message : errorText(err, '没有读出这个文件，请确认是名册模板的格式'))
      }
    })

  const rows = preview?.rows ?? []
  const bad = rows.filter((r) => r.errors.length).length
  return { file, fileChosen, reading: reading.running === 'read', preview, commit, rows, bad, error: fileError }
}
