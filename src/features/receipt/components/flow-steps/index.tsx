import { Step, Steps } from '@nutui/nutui-react-taro'
import { COPY } from '../../copy'
import './index.scss'

/** 选择证件 → 拍摄照片 → 填写信息 → 支付 → 等待审核; `current` is 1-based, the steps before it show as done. */
export function FlowSteps({ current }: { current: 1 | 2 | 3 | 4 | 5 }) {
  return (
    <Steps value={current} className='flow-steps' data-testid='flow-steps' data-current={current}>
      {COPY.flow.map((title, i) => (
        <Step key={title} value={i + 1} title={title} />
      ))}
    </Steps>
  )
}
