import { Text, View } from '@tarojs/components'
import { Step, Steps } from '@nutui/nutui-react-taro'
import { COPY } from '../../copy'
import './index.scss'

/**
 * 选择证件 → 拍摄照片 → 填写信息 → 支付 → 等待审核; `current` is 1-based, the steps before it show as done. In 长辈模式 the
 * labels give way to one line under the numbers (第 3 步（共 5 步）：填写信息).
 */
export function FlowSteps({ current }: { current: 1 | 2 | 3 | 4 | 5 }) {
  return (
    <View className='flow-steps__wrap'>
      <Steps value={current} className='flow-steps' data-testid='flow-steps' data-current={current}>
        {COPY.flow.map((title, i) => (
          <Step key={title} value={i + 1} title={title} />
        ))}
      </Steps>
      <Text className='flow-steps__caption'>{COPY.flowStep(current, COPY.flow.length, COPY.flow[current - 1])}</Text>
    </View>
  )
}
