/**
 * The NutUI components we use, each imported with only its own stylesheet, so that the
 * mini-program's main package does not carry the whole library's styles.
 */
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index.js'
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/index.js'
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/index.js'
export { default as Skeleton } from '@nutui/nutui-react-taro/dist/es/packages/skeleton/index.js'
export { default as Progress } from '@nutui/nutui-react-taro/dist/es/packages/progress/index.js'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css'
