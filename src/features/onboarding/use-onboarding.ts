import { useActionForm } from '../../hooks/use-action-form'
import { usePolling } from '../../hooks/use-polling'
import { call } from '../../services/call'
import { useSessionStore } from '../../stores/use-session-store'

const PHONE_TAIL = /^\d{4}$/
const PENDING_POLL_MS = 3000

/** Asks again who we are without showing the loading screen, so that the app changes in place. */
export async function sessionRefreshed() {
  useSessionStore.setState({ me: await call('session.me', {}) })
}

/** After a request or a new branch: the new session, or the gate's own error and 重试 if it cannot be read. */
const changed = () => sessionRefreshed().catch(() => useSessionStore.getState().sessionRequested())

/** 加入支部: the invite's code (from the link, or typed), the person's name and phone tail. */
export function useJoinForm(codeFromLink: string | undefined, onSent: () => void) {
  return useActionForm({
    initial: { code: codeFromLink ?? '', name: '', phoneTail: '' },
    validate: (v) =>
      [
        !v.code.trim() ? { field: 'code', message: '请填写邀请码（在书记给的邀请海报上）' } : null,
        !v.name.trim() ? { field: 'name', message: '请填写您的姓名' } : null,
        !PHONE_TAIL.test(v.phoneTail.trim()) ? { field: 'phoneTail', message: '请填写手机号的后 4 位数字' } : null,
      ].filter((p) => p !== null),
    send: (v) => call('join.request', { code: v.code.trim(), name: v.name.trim(), phoneTail: v.phoneTail.trim() }),
    onDone: () => {
      onSent()
      changed()
    },
    fallbackError: '申请没有提交成功，请重试',
  })
}

/** 创建支部: the deployment's setup code, the branch's name and the new secretary's own name. */
export function useCreateBranchForm() {
  return useActionForm({
    initial: { setupCode: '', name: '', secretaryName: '' },
    validate: (v) =>
      [
        !v.setupCode.trim() ? { field: 'setupCode', message: '请填写设置码（由部署本系统的人提供）' } : null,
        !v.name.trim() ? { field: 'name', message: '请填写支部名称' } : null,
        !v.secretaryName.trim() ? { field: 'secretaryName', message: '请填写您的姓名' } : null,
      ].filter((p) => p !== null),
    send: (v) => call('branch.create', { setupCode: v.setupCode.trim(), name: v.name.trim(), secretaryName: v.secretaryName.trim() }),
    onDone: changed,
    fallbackError: '支部没有创建成功，请重试',
  })
}

/** While the secretary has not yet decided, ask every few seconds: approval opens the member's app. */
export function usePendingJoin(pending: boolean) {
  usePolling(sessionRefreshed, PENDING_POLL_MS, pending)
}
