/**
 * H5 downloads a page's code when it is first opened. When that download fails (a weak signal),
 * Taro's router throws and leaves the screen blank: say so instead, with 重试, which loads the app
 * again at the same page (the session is kept in storage). Plain DOM: no page has mounted.
 */
import './index.scss'

const isChunkFailure = (reason: unknown) =>
  reason instanceof Error && (reason.name === 'ChunkLoadError' || /Loading (CSS )?chunk .* failed/.test(reason.message))

function showFailure() {
  if (document.querySelector('.chunk-error')) return
  const screen = document.createElement('div')
  screen.className = 'chunk-error'
  screen.setAttribute('role', 'alert')
  const title = document.createElement('div')
  title.className = 'chunk-error__title'
  title.textContent = '页面没能加载出来'
  const hint = document.createElement('div')
  hint.className = 'chunk-error__hint'
  hint.textContent = '网络不太好，请检查网络后重试。'
  const retry = document.createElement('button')
  retry.className = 'chunk-error__retry'
  retry.type = 'button'
  retry.textContent = '重试'
  retry.addEventListener('click', () => window.location.reload())
  screen.append(title, hint, retry)
  document.body.appendChild(screen)
}

export function watchChunkFailures() {
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkFailure(event.reason)) return
    event.preventDefault()
    showFailure()
  })
}
