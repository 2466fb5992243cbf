import { View } from '@tarojs/components'
import type { Role } from '../../../types/models'
import { ROLE_LABELS } from '../../domain/permissions'
import { Tag } from '../ui'
import './index.scss'

export const ROLE_ORDER: Role[] = ['secretary', 'deputy', 'committee', 'group_leader', 'member']

/** The member's roles as tags, most senior first. */
export function RoleTags({ roles }: { roles: Role[] }) {
  const shown = ROLE_ORDER.filter((r) => roles.includes(r))
  return (
    <View className='role-tags'>
      {shown.map((r) => (
        <Tag key={r} type={r === 'member' ? 'default' : 'danger'} plain={r === 'member'} className='role-tags__tag'>
          {ROLE_LABELS[r]}
        </Tag>
      ))}
    </View>
  )
}
