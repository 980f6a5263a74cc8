import { View, Text } from '@tarojs/components'
import { Button, Empty } from '@nutui/nutui-react-taro'
import { SERVICES } from '@/domain/services'
import { formatInstant } from '@/domain/time'
import type { Profile } from '@/domain/user/user.schema'
import { StatusView } from '@/components/status-view'
import { useRemote } from '@/hooks/use-remote'
import { callFunction } from '@/platform/cloud'
import { openPage } from '@/platform/navigation'
import { ORDERS_COPY } from '../copy'
import './index.scss'

export default function OrdersPage() {
  const profile = useRemote(() => callFunction<Profile>('user', 'get', undefined, { retries: 2 }))
  const receipt = SERVICES.find((s) => s.key === 'receipt')

  return (
    <View className='orders'>
      <StatusView loading={profile.loading} error={profile.error} onRetry={profile.reload}>
        {profile.data && (
          <View className='orders__account' data-testid='account'>
            <Text className='orders__account-tag' data-testid='account-tag'>
              {ORDERS_COPY.account(profile.data.accountTag)}
            </Text>
            <Text className='orders__account-since' data-testid='account-since'>
              {ORDERS_COPY.since(formatInstant(profile.data.createdAt))}
            </Text>
          </View>
        )}
        <View className='orders__empty'>
          <Empty status='empty' title={ORDERS_COPY.emptyTitle} description={ORDERS_COPY.emptyDescription} />
          {receipt && (
            <Button type='primary' size='large' onClick={() => openPage(receipt.route)}>
              {ORDERS_COPY.startReceipt}
            </Button>
          )}
        </View>
      </StatusView>
    </View>
  )
}
