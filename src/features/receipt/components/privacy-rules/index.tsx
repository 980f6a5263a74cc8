import { View, Text } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { COPY } from '../../copy'
import './index.scss'

/** 《个人信息处理规则》 for the receipt order, in a bottom sheet. */
export function PrivacyRules({ visible, onClose }: { visible: boolean; onClose: () => void }) {
  return (
    <Popup visible={visible} position='bottom' round closeable onClose={onClose} title={COPY.privacyRules.title}>
      <View className='privacy-rules' data-testid='privacy-rules'>
        {COPY.privacyRules.sections.map((s) => (
          <View key={s.title} className='privacy-rules__section'>
            <Text className='privacy-rules__title'>{s.title}</Text>
            <Text className='privacy-rules__body'>{s.body}</Text>
          </View>
        ))}
        <Button type='primary' size='large' block onClick={onClose}>
          {COPY.privacyRules.close}
        </Button>
      </View>
    </Popup>
  )
}
