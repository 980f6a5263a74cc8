import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { goHome } from '@/platform/navigation'
import './index.scss'

interface Props {
  title: string
  intro: string
  steps: readonly string[]
}

/** A feature area that is being built: says what it will do, step by step, and leads back home. */
export function ComingSoon({ title, intro, steps }: Props) {
  return (
    <View className='coming-soon'>
      <Text className='coming-soon__title'>{title}</Text>
      <Text className='coming-soon__intro'>{intro}</Text>
      <CellGroup title='办理步骤'>
        {steps.map((step, i) => (
          <Cell key={step} title={`${i + 1}. ${step}`} />
        ))}
      </CellGroup>
      <Text className='coming-soon__notice'>
        该功能正在开发中，敬请期待。
      </Text>
      <Button type='primary' size='large' block onClick={goHome}>
        返回首页
      </Button>
    </View>
  )
}
