import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FormError } from '../../components/FormField'
import { ResultPanel } from '../../components/ResultPanel'
import { Button } from '../../components/ui'
import { ActionBar } from '../../features/study/views'
import { downloadCsv } from '../../services/spreadsheet-file'
import { ROSTER_TEMPLATE_EXAMPLE, ROSTER_TEMPLATE_HEADERS } from './template'
import { useRosterImport } from './use-roster'

const IS_H5 = process.env.TARO_ENV === 'h5'

/** 第3行 · 张三 · 新增; a row in error says only where it is and whom (the server may not know the name). */
const rowHead = (r: { row: number; name: string; action: 'create' | 'update'; errors: string[] }) =>
  [`第${r.row}行`, r.name, r.errors.length ? '' : r.action === 'update' ? '更新' : '新增'].filter(Boolean).join(' · ')

function Template() {
  return (
    <View className='card roster__template'>
      <Text className='roster__name'>名册表格的格式</Text>
      <Text className='muted'>第一行是表头（前三列必填）：</Text>
      <Text className='roster__code' userSelect>
        {ROSTER_TEMPLATE_HEADERS.join('，')}
      </Text>
      <Text className='muted'>支持 .xlsx 和 .csv；同一张表导入两次只会更新，不会重复。</Text>
      {IS_H5 ? (
        <Button fill='outline' className='roster__side' onClick={() => downloadCsv('支部名册模板.csv', [[...ROSTER_TEMPLATE_HEADERS], ROSTER_TEMPLATE_EXAMPLE])}>
          下载模板
        </Button>
      ) : (
        <Text className='muted'>在电脑上按上面的表头做好表格，发到微信聊天里，再从聊天中选择。</Text>
      )}
    </View>
  )
}

/** 导入名册: pick the branch's spreadsheet, read every row's problems in words, then import all of it. */
export function ImportRoster() {
  const imp = useRosterImport()
  if (imp.commit.done) {
    const d = imp.commit.done
    return (
      <View className='page page--actions roster'>
        <ResultPanel tone='ok' word='已导入' lines={[`新增 ${d.created} 人，更新 ${d.updated} 人。`, '下一步：打开“邀请党员加入”，请大家扫码绑定微信。']} />
        <ActionBar text='返回名册' onClick={() => Taro.navigateBack()} />
      </View>
    )
  }
  const ready = imp.preview !== null && imp.rows.length > 0 && imp.bad === 0
  return (
    <View className='page page--actions roster'>
      <Template />
      <Button block fill='outline' className='roster__pick' loading={imp.reading} onClick={imp.fileChosen}>
        {imp.file ? `重新选择（当前：${imp.file.name}）` : IS_H5 ? '选择表格文件' : '从微信聊天中选择表格'}
      </Button>
      <FormError text={imp.error ?? imp.commit.error} />
      {imp.preview ? (
        <View>
          <Text className='section-title'>
            共 {imp.rows.length} 行{imp.bad ? `，${imp.bad} 行有问题，请在表格里改好后重新选择` : '，都没有问题'}
          </Text>
          <View className='card roster__list'>
            {imp.rows.map((r) => (
              <View key={r.row} className={r.errors.length ? 'roster__preview roster__preview--bad' : 'roster__preview'} data-row={r.row}>
                <Text className='roster__preview-head'>
                  {rowHead(r)}
                </Text>
                {r.errors.map((e) => (
                  <Text key={e} className='roster__problem'>
                    {e}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {ready ? <ActionBar text={`导入 ${imp.rows.length} 人`} busy={imp.commit.busy} onClick={imp.commit.submit} /> : null}
    </View>
  )
}
