import { act, renderHook } from '@testing-library/react'
import { ApiError } from '../services/call'
import { useActionForm, type ActionFormOptions } from './use-action-form'

interface Values {
  title: string
  place: string
}

const blank: Values = { title: '', place: '' }
const needsTitle = (v: Values) => (v.title.trim() ? null : { field: 'title', message: '请填写会议名称' })

function setup(options: Partial<ActionFormOptions<Values, string>> = {}) {
  const send = jest.fn(async (v: Values) => `sent ${v.title}`)
  const onDone = jest.fn()
  const hook = renderHook(() => useActionForm<Values, string>({ initial: blank, validate: needsTitle, send, onDone, fallbackError: '保存失败，请重试', ...options }))
  return { hook, send, onDone, form: () => hook.result.current }
}

describe('useActionForm', () => {
  it('does not send what fails the check, and names the field at fault', async () => {
    const { send, form } = setup()
    let sent = true
    await act(async () => {
      sent = await form().submit()
    })
    expect(sent).toBe(false)
    expect(send).not.toHaveBeenCalled()
    expect(form().error).toBe('请填写会议名称')
    expect(form().errorField).toBe('title')
    expect(form().errors).toEqual({ title: '请填写会议名称' })
  })

  it('collects every problem when the check reports several, and a changed field loses its own', async () => {
    const { form } = setup({
      validate: () => [
        { field: 'title', message: '请填写会议名称' },
        { field: 'place', message: '地点太长' },
      ],
    })
    await act(async () => {
      await form().submit()
    })
    expect(form().errors).toEqual({ title: '请填写会议名称', place: '地点太长' })
    act(() => form().set('title', '支部党员大会'))
    expect(form().errors).toEqual({ place: '地点太长' })
    expect(form().error).toBeNull()
  })

  it('sends the values once, then reports the result and stays done', async () => {
    const { send, onDone, form } = setup()
    act(() => form().set('title', '支部党员大会'))
    await act(async () => {
      await form().submit()
    })
    expect(send).toHaveBeenCalledWith({ title: '支部党员大会', place: '' })
    expect(onDone).toHaveBeenCalledWith('sent 支部党员大会', { title: '支部党员大会', place: '' })
    expect(form().done).toBe('sent 支部党员大会')
    await act(async () => {
      expect(await form().submit()).toBe(false)
    })
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('never sends twice while the first send is on its way', async () => {
    let finish: (v: string) => void = () => undefined
    const send = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)))
    const { form } = setup({ send })
    act(() => form().set('title', '支部党员大会'))
    let first: Promise<boolean> = Promise.resolve(false)
    act(() => {
      first = form().submit()
      form().submit()
    })
    expect(form().busy).toBe(true)
    await act(async () => {
      finish('ok')
      await first
    })
    expect(send).toHaveBeenCalledTimes(1)
    expect(form().busy).toBe(false)
  })

  it("keeps what was typed and shows the server's words and field when the server refuses", async () => {
    const send = jest.fn(async () => {
      throw new ApiError('INVALID_INPUT', '参数有误：title：会议名称不能超过 40 个字', 'title', '会议名称不能超过 40 个字')
    })
    const { form } = setup({ send })
    act(() => form().set('title', '很长的名称'))
    await act(async () => {
      expect(await form().submit()).toBe(false)
    })
    expect(form().error).toBe('会议名称不能超过 40 个字')
    expect(form().errorField).toBe('title')
    expect(form().values.title).toBe('很长的名称')
    expect(form().done).toBeNull()
  })

  it('says the fallback for a failure that is not an answer of the server', async () => {
    const { form } = setup({ send: jest.fn(async () => Promise.reject(new TypeError('x is undefined'))) })
    act(() => form().set('title', '支部党员大会'))
    await act(async () => {
      await form().submit()
    })
    expect(form().error).toBe('保存失败，请重试')
    expect(form().errorField).toBeNull()
  })

  it('starts over on reset, with the initial values or the given ones', async () => {
    const { form } = setup()
    act(() => form().set('title', '支部党员大会'))
    await act(async () => {
      await form().submit()
    })
    act(() => form().reset())
    expect(form().values).toEqual(blank)
    expect(form().done).toBeNull()
    act(() => form().reset({ title: '党课', place: '会议室' }))
    expect(form().values).toEqual({ title: '党课', place: '会议室' })
  })
})
