/**
 * The NutUI components we use, each imported with only its own stylesheet, so that the
 * mini-program's main package does not carry the whole library's styles.
 */
import { configure } from '@nutui/icons-react-taro'

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index.js'
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/index.js'
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup/index.js'
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/index.js'
export { default as Skeleton } from '@nutui/nutui-react-taro/dist/es/packages/skeleton/index.js'
export { default as Progress } from '@nutui/nutui-react-taro/dist/es/packages/progress/index.js'
export { default as Dialog } from '@nutui/nutui-react-taro/dist/es/packages/dialog/index.js'
export { default as TextArea } from '@nutui/nutui-react-taro/dist/es/packages/textarea/index.js'
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input/index.js'
export { default as Picker } from '@nutui/nutui-react-taro/dist/es/packages/picker/index.js'
export { default as DatePicker } from '@nutui/nutui-react-taro/dist/es/packages/datepicker/index.js'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/picker/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/css'
// Icons come one by one from the icon package's ES build (NutUI's own components import them the same way).
export { ArrowRight } from '@nutui/icons-react-taro'
// NutUI draws every icon as <i>, for which the mini-program has no template without @tarojs/plugin-html
// (WXML "Template `tmpl_0_i` not found": no icon at all). A view there; the web keeps <i>.
if (process.env.TARO_ENV !== 'h5') configure({ tag: 'view' })
