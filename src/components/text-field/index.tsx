import { View, Text } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import './index.scss'

interface FieldProps {
  /** Left out when the control shows its own (a picker row). */
  label?: string
  error?: string
  /** A line under the input (what to type again, whose name the card is in). */
  hint?: string
  /** `<testId>-error` on the message. */
  testId: string
  /** Marks the field red without a message of its own (the message is shown inside, as with the card number). */
  bad?: boolean
  children: ReactNode
}

/** A white field box: its label, the control, a hint, and the error under it with a red border. */
export function Field({ label, error, hint, testId, bad, children }: FieldProps) {
  return (
    <View className={`text-field${error || bad ? ' text-field--error' : ''}`}>
      {label && <Text className='text-field__label'>{label}</Text>}
      {children}
      {hint && <Text className='text-field__hint'>{hint}</Text>}
      {error && (
        <View className='text-field__error' role='alert' data-testid={`${testId}-error`}>
          {error}
        </View>
      )}
    </View>
  )
}

interface TextFieldProps {
  label: string
  placeholder: string
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  error?: string
  hint?: string
  type?: 'text' | 'idcard' | 'number'
  maxLength: number
  name?: string
  /** On the input's wrapper (which holds the `input`); `<testId>-error` on the message. */
  testId: string
}

/** One large labelled input with its error under it: every form of every feature types through this. */
export function TextField({ label, placeholder, value, onChange, onBlur, error, hint, type = 'text', maxLength, name, testId }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} testId={testId}>
      <Input className='text-field__input' name={name} type={type} maxLength={maxLength} placeholder={placeholder} value={value} clearable onChange={onChange} onBlur={onBlur} data-testid={testId} />
    </Field>
  )
}

/** Fields stacked 12px apart. */
export function FieldGroup({ children }: { children: ReactNode }) {
  return <View className='text-field-group'>{children}</View>
}
