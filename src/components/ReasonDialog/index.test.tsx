import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ReasonDialog } from '.'
import { ApiError } from '../../services/call'

// NutUI's dialog animates with react-transition-group, which React's development build warns
// about (findDOMNode); the app's production build does not. Any other console error still shows.
const consoleError = console.error
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('findDOMNode')) return
    consoleError(...args)
  })
})
afterAll(() => jest.restoreAllMocks())

function setup(onConfirm: (reason: string) => Promise<void> = jest.fn(async () => undefined)) {
  const onClose = jest.fn()
  const dialog = (visible: boolean) => (
    <ReasonDialog visible={visible} title='请假' placeholder='请写明原因' confirmText='提交请假' onConfirm={onConfirm} onClose={onClose} />
  )
  const view = render(dialog(true))
  // Taro's textarea is a web component that reports typing as an `input` event with the value in `detail`.
  const textarea = view.container.querySelector('taro-textarea-core') as HTMLElement & { value: string }
  const type = (text: string) => fireEvent(textarea, new CustomEvent('input', { detail: { value: text }, bubbles: true }))
  const confirm = () => fireEvent.click(screen.getByText('提交请假'))
  /** Closed (返回 or a confirm that went through) and opened again. */
  const reopen = () => {
    view.rerender(dialog(false))
    view.rerender(dialog(true))
  }
  return { type, confirm, onConfirm, onClose, reopen, text: () => textarea.value }
}

describe('ReasonDialog', () => {
  it('asks for at least two characters and does not submit a blank reason', async () => {
    const { type, confirm, onConfirm } = setup()
    type('  ')
    confirm()
    await screen.findByText('请写明原因，至少 2 个字')
    expect(onConfirm).not.toHaveBeenCalled()
  })

  it('submits the trimmed reason once and closes', async () => {
    const { type, confirm, onConfirm, onClose } = setup()
    type('  出差在外  ')
    confirm()
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(onConfirm).toHaveBeenCalledTimes(1)
    expect(onConfirm).toHaveBeenCalledWith('出差在外')
  })

  it("stays open with the server's words, without the field name, when the server refuses", async () => {
    const onConfirm = jest.fn(async () => {
      throw new ApiError('INVALID_INPUT', '参数有误：reason：请假原因不能超过 200 个字', 'reason', '请假原因不能超过 200 个字')
    })
    const { type, confirm, onClose } = setup(onConfirm)
    type('出差在外')
    confirm()
    await screen.findByText('请假原因不能超过 200 个字')
    expect(onClose).not.toHaveBeenCalled()
  })

  it('opens blank again after a reason went through, and with the text kept after 返回', async () => {
    const { type, confirm, onConfirm, reopen, text } = setup()
    type('出差在外')
    reopen()
    expect(text()).toBe('出差在外')
    confirm()
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith('出差在外'))
    reopen()
    await waitFor(() => expect(text()).toBe(''))
  })
})
