import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import './app.scss'

// Only H5 downloads pages on the way; the build drops this branch (and its module) for weapp.
if (process.env.TARO_ENV === 'h5') require('./containers/ChunkError').watchChunkFailures()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // One CloudBase environment for every call; CLOUD_ENV_ID comes from the build (empty: the default env).
      Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true })
    }
  })
  return children
}

export default App
