import { View, Text } from '@tarojs/components'
import { Tips } from '@nutui/icons-react-taro'
import { COPY } from '../../copy'
import './index.scss'

/** On a temporary report: the bank account on the card is NOT frozen (card-functions.ts, FROZEN_BY.temporary). */
export function BankWarning() {
  return (
    <View className='bank-warning' role='note' data-testid='loss-bank-warning'>
      <View className='bank-warning__head'>
        <Tips size={24} color='#ad4e00' />
        <Text className='bank-warning__title'>{COPY.bank.title}</Text>
      </View>
      <Text className='bank-warning__body'>{COPY.bank.body}</Text>
    </View>
  )
}
