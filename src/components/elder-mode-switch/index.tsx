import { View, Text } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { useElderMode } from '@/hooks/use-elder-mode'
import { showToast } from '@/platform/device'
import { ELDER_MODE_COPY as COPY } from './copy'
import './index.scss'

/**
 * The 长辈模式 switch: the whole row is the target (the NutUI switch alone is 28 px high), and it says its state in
 * words as well as in colour.
 */
export function ElderModeSwitch() {
  const { on, set } = useElderMode()
  const [busy, setBusy] = useState(false)
  const toggle = async () => {
    if (busy) return
    setBusy(true)
    try {
      await set(!on)
    } catch {
      await showToast(COPY.saveFailed)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='elder-switch' onClick={toggle} role='switch' aria-checked={on} data-testid='elder-mode' data-state={on ? 'on' : 'off'}>
      <View className='elder-switch__text'>
        <Text className='elder-switch__title'>{COPY.title}</Text>
        <Text className='elder-switch__description'>{COPY.description}</Text>
      </View>
      <Text className='elder-switch__state'>{on ? COPY.on : COPY.off}</Text>
      <Switch className='elder-switch__toggle' checked={on} />
    </View>
  )
}
