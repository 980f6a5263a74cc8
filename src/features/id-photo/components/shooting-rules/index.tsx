import { View, Text } from '@tarojs/components'
import { Checked } from '@nutui/icons-react-taro'
import { COPY } from '../../copy'
import './index.scss'

/** The shooting rules as a short checklist; `compact` lays them out in two columns under the camera. */
export function ShootingRules({ compact = false, title = true }: { compact?: boolean; title?: boolean }) {
  return (
    <View className={`shooting-rules${compact ? ' shooting-rules--compact' : ''}`} data-testid='shooting-rules'>
      {title && <Text className='shooting-rules__title'>{COPY.index.rulesTitle}</Text>}
      <View className='shooting-rules__list'>
        {COPY.rules.map((rule) => (
          <View key={rule} className='shooting-rules__item'>
            <Checked size={compact ? 16 : 20} color='#389e0d' />
            <Text className='shooting-rules__text'>{rule}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
