/** H5: the browser's file picker, for one file of the kinds `accept` names. */
export function chooseWebFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    const done = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('cancel', () => done(null))
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    document.body.appendChild(input)
    input.click()
  })
}
