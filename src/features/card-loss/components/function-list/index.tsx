import { View, Text } from '@tarojs/components'
import { CheckNormal, Lock } from '@nutui/icons-react-taro'
import { CARD_FUNCTION_LABELS, type CardFunction } from '@/domain/card-loss/card-functions'
import './index.scss'

interface Props {
  title: string
  functions: readonly CardFunction[]
  tone: 'frozen' | 'working'
  /** Shown instead of the list when it is empty. */
  empty?: string
  testId?: string
}

/** The card's functions a report stops (padlock, red) or leaves working (tick, green), each with what it means. */
export function FunctionList({ title, functions, tone, empty, testId }: Props) {
  return (
    <View className={`fnl fnl--${tone}`} data-testid={testId} data-count={functions.length}>
      <Text className='fnl__title'>{title}</Text>
      {functions.length === 0 && empty && <Text className='fnl__empty'>{empty}</Text>}
      {functions.map((fn) => (
        <View key={fn} className='fnl__row' data-fn={fn}>
          <View className='fnl__icon'>{tone === 'frozen' ? <Lock size={20} color='#cf1322' /> : <CheckNormal size={20} color='#389e0d' />}</View>
          <View className='fnl__body'>
            <Text className='fnl__name'>{CARD_FUNCTION_LABELS[fn].title}</Text>
            <Text className='fnl__detail'>{CARD_FUNCTION_LABELS[fn].detail}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
