import { View } from '@tarojs/components'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { NetworkError, Tips } from '@nutui/icons-react-taro'
import { useEffect } from 'react'
import { EmptyState } from '@/components/status-view'
import { useRemote } from '@/hooks/use-remote'
import { replacePage, usePageQuery } from '@/platform/navigation'
import { COPY } from '../../copy'
import { resubmitOrder } from '../../api'
import { detailUrl, isOrderId, isPhotoId } from '../../routes'
import './index.scss'

/**
 * Back from the id-photo flow with a new checked photo for a rejected order: sends it to review again, free of
 * charge, then shows the order. The server's conditional write keeps a repeated tap (重试) from resubmitting twice.
 */
export default function ResubmitPage() {
  const { orderId: rawOrder, photoId: rawPhoto } = usePageQuery()
  const orderId = isOrderId(rawOrder) ? rawOrder : undefined
  const photoId = isPhotoId(rawPhoto) ? rawPhoto : undefined
  const result = useRemote(() => (orderId && photoId ? resubmitOrder(orderId, photoId) : Promise.resolve(undefined)), [orderId, photoId])

  useEffect(() => {
    if (result.data) replacePage(detailUrl(result.data.orderId))
  }, [result.data])

  if (!orderId || !photoId) {
    return (
      <View className='rsb' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.resubmit.failedTitle} description={COPY.resubmit.missing} />
        {orderId && (
          <View className='rsb__actions'>
            <Button type='primary' size='xlarge' block onClick={() => replacePage(detailUrl(orderId))}>
              {COPY.common.viewOrder}
            </Button>
          </View>
        )}
      </View>
    )
  }
  if (result.error) {
    return (
      <View className='rsb' role='alert' data-testid='resubmit-error'>
        <EmptyState image={<NetworkError size={72} color='#bfbfbf' />} title={COPY.resubmit.failedTitle} description={result.error} />
        <View className='rsb__actions'>
          <Button type='primary' size='xlarge' block onClick={result.reload} data-testid='retry'>
            {COPY.common.retry}
          </Button>
          <Button size='xlarge' block onClick={() => replacePage(detailUrl(orderId))}>
            {COPY.common.viewOrder}
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className='rsb rsb--center' aria-busy='true' data-testid='resubmit-working'>
      <Loading type='circular'>{COPY.resubmit.working}</Loading>
    </View>
  )
}
