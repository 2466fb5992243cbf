import { Text, View } from '@tarojs/components'
import './index.scss'

export interface TabItem<K extends string> {
  key: K
  label: string
  /** A count shown beside the label, e.g. pending items. */
  badge?: number
}

/** A row of tabs, each at least 44 px high; the chosen one is underlined as well as coloured. */
export function TabSwitch<K extends string>({ items, value, onChange }: { items: readonly TabItem<K>[]; value: K; onChange: (key: K) => void }) {
  return (
    <View className='tab-switch' role='tablist'>
      {items.map((t) => (
        <View
          key={t.key}
          role='tab'
          aria-selected={t.key === value}
          data-tab={t.key}
          className={t.key === value ? 'tab-switch__tab tab-switch__tab--on' : 'tab-switch__tab'}
          onClick={() => onChange(t.key)}
        >
          <Text>{t.badge ? `${t.label} ${t.badge}` : t.label}</Text>
        </View>
      ))}
    </View>
  )
}
