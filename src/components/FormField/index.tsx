import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  label: string
  /** A line under the label: what to write, or what happens with it. */
  hint?: string
  /** This field's problem, in red under it. */
  error?: string | null
  children: ReactNode
}

/**
 * One form field on its own white block: the label, the control and its error. Controls inside
 * take `field__input` or `field__textarea` for a 44 px bordered box.
 */
export function FormField({ label, hint, error, children }: Props) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      {children}
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}

/** The server's or the form's problem for the whole form, above the action bar. */
export function FormError({ text }: { text: string | null }) {
  return text ? (
    <View className='field-error' role='alert'>
      {text}
    </View>
  ) : null
}
