import { renderHook } from '@testing-library/react'
import { useStartingValues } from './use-starting-values'

describe('useStartingValues', () => {
  it('sets the values once per loaded content: not while loading, not on a re-render, again when the record changes', () => {
    const setValues = jest.fn()
    const { rerender } = renderHook(({ source }: { source: { name: string } | undefined }) => useStartingValues(source, setValues, (s) => ({ name: s.name.trim() })), {
      initialProps: { source: undefined as { name: string } | undefined },
    })
    expect(setValues).not.toHaveBeenCalled()
    rerender({ source: { name: ' 张明 ' } })
    rerender({ source: { name: ' 张明 ' } })
    expect(setValues.mock.calls).toEqual([[{ name: '张明' }]])
    rerender({ source: { name: '李四' } })
    expect(setValues.mock.calls).toEqual([[{ name: '张明' }], [{ name: '李四' }]])
  })
})
