import { View, Text } from '@tarojs/components'
import { Checked, Lock } from '@nutui/icons-react-taro'
import { formatInstant } from '@/domain/time'
import { openPage } from '@/platform/navigation'
import { COPY } from '../../copy'
import { cardLossHomeUrl } from '@/routes'
import './index.scss'

interface Props {
  /** The receipt's `usedAt`, once a reissue used it. */
  usedAt?: string
}

/**
 * On an approved 社保卡 receipt (the receipt detail page): 已用于社保卡补办 once used, else a way into the card-loss
 * pages, where the receipt can be chosen for a reissue.
 */
export function ReceiptUse({ usedAt }: Props) {
  if (usedAt) {
    return (
      <View className='rcu rcu--used' data-testid='receipt-used'>
        <Checked size={22} color='#8c8c8c' />
        <View className='rcu__body'>
          <Text className='rcu__title'>{COPY.receiptUse.used}</Text>
          <Text className='rcu__hint'>{COPY.receiptUse.usedAt(formatInstant(usedAt))}</Text>
        </View>
      </View>
    )
  }
  return (
    <View className='rcu rcu--link' onClick={() => openPage(cardLossHomeUrl())} data-testid='receipt-use-for-reissue' role='link'>
      <Lock size={22} color='#fa8c16' />
      <View className='rcu__body'>
        <Text className='rcu__title'>{COPY.receiptUse.use}</Text>
        <Text className='rcu__hint'>{COPY.receiptUse.useHint}</Text>
      </View>
      <Text className='rcu__more'>›</Text>
    </View>
  )
}
