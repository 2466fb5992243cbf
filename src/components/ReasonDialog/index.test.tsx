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

function setup(onConfirm: (reason: string) => Promise<void>) {
  const onClose = jest.fn()
  const view = render(
    <ReasonDialog visible title='请假' placeholder='请写明原因' confirmText='提交请假' onConfirm={onConfirm} onClose={onClose} />,
  )
  // Taro's textarea is a web component that reports typing as an `input` event with the value in `detail`.
  const textarea = view.container.querySelector('taro-textarea-core')!
  const type = (text: string) => fireEvent(textarea, new CustomEvent('input', { detail: { value: text }, bubbles: true }))
  const confirm = () => fireEvent.click(screen.getByText('提交请假'))
  return { type, confirm, onClose }
}

describe('ReasonDialog', () => {
  it('asks for at least two characters and does not submit a blank reason', async () => {
    const onConfirm = jest.fn(async () => undefined)
    const { type, confirm } = setup(onConfirm)
    type('  ')
    confirm()
    await screen.findByText('请写明原因，至少 2 个字')
    expect(onConfirm).not.toHaveBeenCalled()
  })

  it('submits the trimmed reason once and closes', async () => {
    const onConfirm = jest.fn(async () => undefined)
    const { type, confirm, onClose } = setup(onConfirm)
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
    const onConfirm = jest.fn(async () => undefined)
    const props = { title: '请假', placeholder: '请写明原因', confirmText: '提交请假', onConfirm, onClose: jest.fn() }
    const view = render(<ReasonDialog visible {...props} />)
    const textarea = () => view.container.querySelector('taro-textarea-core') as HTMLElement & { value: string }
    fireEvent(textarea(), new CustomEvent('input', { detail: { value: '出差在外' }, bubbles: true }))
    view.rerender(<ReasonDialog visible={false} {...props} />)
    view.rerender(<ReasonDialog visible {...props} />)
    expect(textarea().value).toBe('出差在外')
    fireEvent.click(screen.getByText('提交请假'))
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith('出差在外'))
    view.rerender(<ReasonDialog visible={false} {...props} />)
    view.rerender(<ReasonDialog visible {...props} />)
    await waitFor(() => expect(textarea().value).toBe(''))
  })
})
