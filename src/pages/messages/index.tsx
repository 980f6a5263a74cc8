import { View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import { MESSAGES_COPY } from '../copy'
import './index.scss'

export default function MessagesPage() {
  return (
    <View className='messages'>
      <Empty status='empty' title={MESSAGES_COPY.emptyTitle} description={MESSAGES_COPY.emptyDescription} />
    </View>
  )
}
