import { View } from '@tarojs/components'
import type { Role } from '../../../types/models'
import { ROLE_LABELS } from '../../domain/permissions'
import { Tag } from '../ui'

const ORDER: Role[] = ['secretary', 'deputy', 'committee', 'group_leader', 'member']

/** The member's roles as tags, most senior first. */
export function RoleTags({ roles }: { roles: Role[] }) {
  const shown = ORDER.filter((r) => roles.includes(r))
  return (
    <View className='role-tags'>
      {shown.map((r) => (
        <Tag key={r} type={r === 'member' ? 'default' : 'danger'} plain={r === 'member'} style={{ marginRight: 6, fontSize: 14 }}>
          {ROLE_LABELS[r]}
        </Tag>
      ))}
    </View>
  )
}
