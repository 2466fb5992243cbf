import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FormError } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { Button } from '../../components/ui'
import { csvFormatHint } from '../../display/csv-hint'
import { ActionBar } from '../../features/study/views'
import { useQuestionImport } from './use-question-import'

const hint = csvFormatHint()
const IS_H5 = process.env.TARO_ENV === 'h5'

function FormatCard() {
  return (
    <View className='card qa__format'>
      <Text className='qa__format-title'>表格格式</Text>
      <Text className='qa__code'>{hint.header}</Text>
      <Text className='qa__sub'>例如：</Text>
      {hint.examples.map((line) => (
        <Text key={line} className='qa__code'>
          {line}
        </Text>
      ))}
      {hint.rules.map((r) => (
        <Text key={r} className='qa__rule'>
          · {r}
        </Text>
      ))}
      {IS_H5 ? null : <Text className='qa__rule'>· 在电脑上做好表格，发到微信聊天里（如文件传输助手），再从聊天中选择。</Text>}
    </View>
  )
}

/** 导入题目: the secretary picks the spreadsheet (.xlsx or .csv; in WeChat from a chat) and imports all of it. */
export function ImportQuestions() {
  const form = useQuestionImport()
  if (form.done) {
    return (
      <View className='page page--actions qa'>
        <ResultPanel tone='ok' word={`已导入 ${form.done.imported} 题`} lines={['题目已加入题库，新建测试时可以选用。']} />
        <ActionBar text='返回题库' onClick={() => Taro.navigateBack()} />
      </View>
    )
  }
  return (
    <View className='page page--actions qa'>
      <FormatCard />
      <Button block fill='outline' className='qa__import' onClick={form.fileChosen}>
        {form.file ? `重新选择（当前：${form.file.name}）` : IS_H5 ? '选择表格文件' : '从微信聊天中选择表格'}
      </Button>
      <FormError text={form.error} />
      <ActionBar text='导入' busy={form.busy} onClick={form.submit} />
    </View>
  )
}
