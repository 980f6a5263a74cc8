import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Refresh } from '@nutui/icons-react-taro'
import type { ReactNode } from 'react'
import { RemoteView } from '@/components/status-view'
import { devSwitcherUrl, openDevSwitcher } from '@/platform/device'
import { COPY } from '../copy'
import type { OpsRemoteState } from '../use-ops-remote'
import './panel.scss'

interface HeadProps {
  title: string
  intro?: ReactNode
  /** Shows 刷新 on the right; spins while `loading`. */
  onRefresh?: () => void
  loading?: boolean
  refreshTestId?: string
}

/** A console section's title row: large title, an optional line under it, and 刷新. */
export function PanelHead({ title, intro, onRefresh, loading, refreshTestId }: HeadProps) {
  return (
    <View className='ops-panel__head'>
      <View className='ops-panel__head-row'>
        <Text className='ops-panel__title'>{title}</Text>
        {onRefresh && (
          <Button size='large' fill='outline' className='ops-panel__refresh' icon={<Refresh size={16} />} loading={loading} onClick={onRefresh} data-testid={refreshTestId}>
            {COPY.refresh}
          </Button>
        )}
      </View>
      {intro && <Text className='ops-panel__intro'>{intro}</Text>}
    </View>
  )
}

interface StatusProps<T> {
  remote: OpsRemoteState<T>
  children: ReactNode
}

/**
 * Loading, then the content; a first load that fails shows the error with 重试 (and 切换到运营账号 when the user is
 * not an operator, in local mode); a later refresh that fails keeps the last data under a one-line warning.
 */
export function OpsStatus<T>({ remote, children }: StatusProps<T>) {
  const first = remote.data === undefined
  return (
    <>
      <RemoteView remote={remote}>{children}</RemoteView>
      {first && !remote.loading && remote.denied && devSwitcherUrl && (
        <View className='ops-panel__switch'>
          <Button size='large' block onClick={openDevSwitcher} data-testid='switch-operator'>
            {COPY.switchUser}
          </Button>
        </View>
      )}
    </>
  )
}
