import { Text, View } from '@tarojs/components'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { NetworkError, Tips } from '@nutui/icons-react-taro'
import { useRef, useState } from 'react'
import { EmptyState } from '@/components/status-view'
import { messageOf } from '@/platform/reply'
import { replacePage, usePageQuery } from '@/platform/navigation'
import { askSubscribe } from '@/platform/subscribe'
import { COPY } from '../../copy'
import { getOrder, resubmitOrder } from '../../api'
import type { OrderView } from '@/domain/order/order.view'
import { useRemote } from '@/hooks/use-remote'
import { detailUrl, isOrderId, isPhotoId } from '../../routes'
import './index.scss'
import { pageRoot } from '@/components/page-root'

/**
 * Back from the id-photo flow with a new checked photo for a rejected order: one tap sends it to review again, free
 * of charge, then shows the order. The tap also asks for the result notification (WeChat shows that dialog only in a
 * tap, and each acceptance allows one message). The server's conditional write keeps a repeated tap from resubmitting twice.
 */
/** Only a rejected, paid order is resubmitted free: any other is said in words, with the way to it, not offered a button the server refuses. */
function NotResubmittable({ order }: { order: OrderView }) {
  const unpaid = order.status === 'created'
  return (
    <View className='rsb' role='alert' data-testid='resubmit-not-allowed' data-status={order.status}>
      <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.resubmit.notAllowedTitle} description={unpaid ? COPY.resubmit.unpaid : COPY.resubmit.notRejected(order.statusLabel)} />
      <View className='rsb__actions'>
        <Button type='primary' size='xlarge' block onClick={() => replacePage(detailUrl(order.orderId))} data-testid='resubmit-to-order'>
          {unpaid ? COPY.resubmit.toPay : COPY.common.viewOrder}
        </Button>
      </View>
    </View>
  )
}

function ResubmitPage() {
  const { orderId: rawOrder } = usePageQuery()
  const orderId = isOrderId(rawOrder) ? rawOrder : undefined
  const order = useRemote(() => (orderId ? getOrder(orderId) : Promise.resolve(undefined)), [orderId])
  if (order.loading) {
    return (
      <View className='rsb rsb--center' aria-busy='true'>
        <Loading type='circular'>{COPY.resubmit.loading}</Loading>
      </View>
    )
  }
  if (order.data && !order.data.canResubmit) return <NotResubmittable order={order.data} />
  return <ResubmitConfirm />
}

function ResubmitConfirm() {
  const { orderId: rawOrder, photoId: rawPhoto } = usePageQuery()
  const orderId = isOrderId(rawOrder) ? rawOrder : undefined
  const photoId = isPhotoId(rawPhoto) ? rawPhoto : undefined
  const [state, setState] = useState<{ phase: 'ready' | 'working' | 'failed'; error?: string }>({ phase: 'ready' })
  const busy = useRef(false)

  const onConfirm = () => {
    if (busy.current || !orderId || !photoId) return
    busy.current = true
    const consent = askSubscribe(['review_result'])
    setState({ phase: 'working' })
    void (async () => {
      try {
        const order = await resubmitOrder(orderId, photoId, await consent)
        replacePage(detailUrl(order.orderId))
      } catch (e) {
        setState({ phase: 'failed', error: messageOf(e) })
      } finally {
        busy.current = false
      }
    })()
  }

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
  if (state.phase === 'working') {
    return (
      <View className='rsb rsb--center' aria-busy='true' data-testid='resubmit-working'>
        <Loading type='circular'>{COPY.resubmit.working}</Loading>
      </View>
    )
  }
  const failed = state.phase === 'failed'
  return (
    <View className='rsb' role={failed ? 'alert' : undefined} data-testid={failed ? 'resubmit-error' : 'resubmit-ready'}>
      {failed ? (
        <EmptyState image={<NetworkError size={72} color='#bfbfbf' />} title={COPY.resubmit.failedTitle} description={state.error} />
      ) : (
        <View className='rsb__card'>
          <Text className='rsb__title'>{COPY.resubmit.title}</Text>
          <Text className='rsb__text'>{COPY.resubmit.description}</Text>
        </View>
      )}
      <View className='rsb__actions'>
        <Button type='primary' size='xlarge' block onClick={onConfirm} data-testid={failed ? 'retry' : 'resubmit-confirm'}>
          {failed ? COPY.common.retry : COPY.resubmit.confirm}
        </Button>
        <Button size='xlarge' block onClick={() => replacePage(detailUrl(orderId))}>
          {COPY.common.viewOrder}
        </Button>
      </View>
    </View>
  )
}

export default pageRoot(ResubmitPage)
