import { View } from '@tarojs/components'
import { Button, Cell, CellGroup, Dialog } from '@nutui/nutui-react-taro'
import { Headphones, Phone } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { dial, supportsContactButton } from '@/platform/device'
import { SUPPORT_COPY } from './copy'
import './index.scss'

/** The customer-service entry: WeChat's contact session where available, and the 12333 hotline everywhere. */
export function CustomerService({ hotline }: { hotline: string }) {
  const [showInfo, setShowInfo] = useState(false)
  return (
    <View className='customer-service' data-testid='customer-service'>
      <CellGroup>
        <Cell
          title={
            <View className='customer-service__title'>
              <Headphones size={20} /> {SUPPORT_COPY.title}
            </View>
          }
          description={SUPPORT_COPY.description}
          extra={
            supportsContactButton ? (
              <Button size='small' type='primary' openType='contact'>
                在线咨询
              </Button>
            ) : (
              <Button size='small' type='primary' onClick={() => setShowInfo(true)}>
                在线咨询
              </Button>
            )
          }
        />
        <Cell
          clickable
          onClick={() => dial(hotline)}
          title={
            <View className='customer-service__title'>
              <Phone size={20} /> {SUPPORT_COPY.hotlineTitle}
            </View>
          }
          description={SUPPORT_COPY.hotlineDescription}
          extra='拨打'
        />
      </CellGroup>
      <Dialog visible={showInfo} title={SUPPORT_COPY.title} content={SUPPORT_COPY.noContact} hideCancelButton confirmText='知道了' onConfirm={() => setShowInfo(false)} onCancel={() => setShowInfo(false)} />
    </View>
  )
}
