import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FormError, FormField } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { Button, TextArea } from '../../components/ui'
import { csvFormatHint } from '../../display/csv-hint'
import { LIMITS } from '../../domain/limits'
import { ActionBar } from '../../features/study/views'
import { CAN_PICK_CSV } from '../../services/csv-file'
import { useQuestionImport } from './use-question-import'

const hint = csvFormatHint()

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
    </View>
  )
}

/** 导入题目: a spreadsheet saved as CSV, checked row by row before it is sent. */
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
      {CAN_PICK_CSV ? (
        <Button block fill='outline' className='qa__import' onClick={form.fileChosen}>
          选择 CSV 文件
        </Button>
      ) : null}
      <FormField label={CAN_PICK_CSV ? '或者把表格内容粘贴在这里' : '把表格内容粘贴在这里'} hint={form.rows ? `识别到 ${form.rows} 道题` : undefined} error={form.problem}>
        <TextArea
          className='field__textarea qa__csv'
          value={form.values.csv}
          onChange={form.csvTyped}
          placeholder={`${hint.header}\n${hint.examples[0]}`}
          maxLength={LIMITS.questionCsv}
        />
      </FormField>
      <FormError text={form.error} />
      <ActionBar text={form.rows ? `导入 ${form.rows} 题` : '导入'} busy={form.busy} onClick={form.submit} />
    </View>
  )
}
