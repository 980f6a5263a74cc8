import { View, Text } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'

interface Props {
  label: string
  placeholder: string
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  error?: string
  type?: 'text' | 'idcard' | 'number'
  maxLength: number
  /** On the input's wrapper (which holds the `input`); `<testId>-error` on the message. */
  testId: string
}

/** One large labelled input with its error under it (styles: ../../styles.scss, lx__field). */
export function TextField({ label, placeholder, value, onChange, onBlur, error, type = 'text', maxLength, testId }: Props) {
  return (
    <View className={`lx__field${error ? ' lx__field--error' : ''}`}>
      <Text className='lx__field-label'>{label}</Text>
      <Input className='lx__input' type={type} maxLength={maxLength} placeholder={placeholder} value={value} clearable onChange={onChange} onBlur={onBlur} data-testid={testId} />
      {error && (
        <View className='lx__field-error' role='alert' data-testid={`${testId}-error`}>
          {error}
        </View>
      )}
    </View>
  )
}
