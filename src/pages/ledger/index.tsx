import { Text, View } from '@tarojs/components'
import type { MemberView } from '../../../types/models'
import { StateView } from '../../components/StateView'
import { Button } from '../../components/ui'
import { PageRoute } from '../../containers/PageRoute'
import { MEETING_TYPE_LABELS } from '../../domain/meetings'
import { mayCall, ORGANISERS } from '../../domain/permissions'
import { formatMeetingTime, clockTime } from '../../display/meeting-display'
import { copyExportLink } from '../../services/export-file'
import { useLedger, YEAR_EXPORTS, type ExportLink, type ExportState } from './use-ledger'
import './index.scss'

/** Under an export's row: working, the file with its link's expiry, or what went wrong. */
function Outcome({ state, onOpen }: { state: ExportState | undefined; onOpen: (link: ExportLink) => void }) {
  if (!state) return null
  if (state.status === 'busy') return <Text className='ledger__busy'>正在生成文件…</Text>
  if (state.status === 'error') {
    return (
      <View className='ledger__error' role='alert'>
        <Text>{state.message}</Text>
      </View>
    )
  }
  const { link, warning } = state
  return (
    <View className='ledger__file' data-file={link.fileName}>
      <Text className='ledger__file-name'>{link.fileName}</Text>
      {warning ? <Text className='ledger__error'>{warning}</Text> : null}
      <Text className='muted ledger__expiry'>下载链接 {clockTime(link.expiresAt)} 前有效，无需登录</Text>
      <View className='ledger__file-actions'>
        <Button size='small' fill='outline' type='primary' className='ledger__small' onClick={() => onOpen(link)}>
          {process.env.TARO_ENV === 'h5' ? '下载' : '打开'}
        </Button>
        <Button size='small' fill='outline' className='ledger__small' onClick={() => copyExportLink(link)}>
          复制链接
        </Button>
      </View>
    </View>
  )
}

function ExportButton({ state, label, onClick }: { state: ExportState | undefined; label: string; onClick: () => void }) {
  const busy = state?.status === 'busy'
  return (
    <Button size='small' type='primary' fill='outline' className='ledger__btn' loading={busy || undefined} disabled={busy || undefined} onClick={onClick}>
      {label}
    </Button>
  )
}

function YearPicker({ year, thisYear, onChange }: { year: number; thisYear: number; onChange: (y: number) => void }) {
  return (
    <View className='card ledger__years'>
      <Button size='small' fill='none' className='ledger__step' onClick={() => onChange(year - 1)}>
        ‹ {year - 1}
      </Button>
      <Text className='ledger__year'>{year} 年</Text>
      <Button size='small' fill='none' className='ledger__step' disabled={year >= thisYear || undefined} onClick={() => onChange(year + 1)}>
        {year + 1} ›
      </Button>
    </View>
  )
}

function Ledger({ member }: { member: MemberView }) {
  const ledger = useLedger(member)
  const { year, meetings, exports, leadership } = ledger
  const list = meetings.data ?? []
  return (
    <View className='page ledger'>
      <YearPicker year={year} thisYear={ledger.thisYear} onChange={ledger.yearChosen} />
      {leadership ? (
        <>
          <Text className='section-title'>年度台账</Text>
          <View className='card ledger__list'>
            {YEAR_EXPORTS.map((e) => (
              <View key={e.action} className='ledger__row' data-export={e.action}>
                <View className='ledger__row-head'>
                  <View className='ledger__row-main'>
                    <Text className='ledger__title'>{e.title}</Text>
                    <Text className='muted ledger__hint'>{e.hint}</Text>
                  </View>
                  <ExportButton state={exports[e.action]} label='导出' onClick={() => ledger.yearExported(e.action)} />
                </View>
                <Outcome state={exports[e.action]} onOpen={(link) => ledger.reopened(e.action, link)} />
              </View>
            ))}
          </View>
        </>
      ) : null}
      <Text className='section-title'>会议考勤与记录</Text>
      <View className='card ledger__list'>
        <StateView remote={meetings} rows={4} isEmpty={list.length === 0} empty={{ title: `${year} 年还没有已开始的会议`, hint: '会议开始后，可以在这里导出考勤表和会议记录。' }}>
          {list.map((m) => {
            const attendanceKey = `export.attendance:${m.id}`
            const minutesKey = `export.minutes:${m.id}`
            return (
              <View key={m.id} className='ledger__row' data-meeting={m.id}>
                <Text className='ledger__title'>{m.title}</Text>
                <Text className='muted ledger__hint'>
                  {MEETING_TYPE_LABELS[m.type]}
                  {m.groupName ? ` · ${m.groupName}` : ''} · {formatMeetingTime(m.startAt, m.endAt)}
                </Text>
                <View className='ledger__meeting-actions'>
                  {leadership ? <ExportButton state={exports[attendanceKey]} label='考勤表' onClick={() => ledger.meetingExported('export.attendance', m.id)} /> : null}
                  <ExportButton state={exports[minutesKey]} label='会议记录' onClick={() => ledger.meetingExported('export.minutes', m.id)} />
                </View>
                <Outcome state={exports[attendanceKey]} onOpen={(link) => ledger.reopened(attendanceKey, link)} />
                <Outcome state={exports[minutesKey]} onOpen={(link) => ledger.reopened(minutesKey, link)} />
              </View>
            )
          })}
        </StateView>
      </View>
      <Text className='muted ledger__note'>考勤表、台账为 Excel（.xlsx），会议记录为 Word（.docx），可用 WPS 打开、打印或转发。</Text>
    </View>
  )
}

/** 台账: the year's 三会一课台账, 党费登记表 and 学时统计, and each meeting's 考勤表 and 会议记录, as files. */
export default function LedgerPage() {
  return (
    <PageRoute
      render={({ member }) =>
        mayCall(ORGANISERS, member.roles) ? (
          <Ledger member={member} />
        ) : (
          <View className='page'>
            <StateView status='error' errorMessage='台账仅供支部书记、支委和党小组长查看' />
          </View>
        )
      }
    />
  )
}
