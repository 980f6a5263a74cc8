import { View, Text } from '@tarojs/components'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { NetworkError, Success, Tips } from '@nutui/icons-react-taro'
import { useCallback, useEffect, useState } from 'react'
import type { OrderView } from '@/domain/order/order.view'
import { EmptyState } from '@/components/status-view'
import { goHome, replacePage, usePageQuery } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { getOrder } from '../../api'
import { FlowSteps } from '../../components/flow-steps'
import { detailUrl, isOrderId } from '../../routes'
import './index.scss'
import { pageRoot } from '@/components/page-root'

/** The payment callback can land a moment after the user returns: look again every 2 s, up to 10 times. */
const POLL_MS = 2000
const POLLS = 10

interface Paid {
  order?: OrderView
  error?: string
  loading: boolean
  /** Still looking for the payment callback. */
  polling: boolean
}

function usePaidOrder(orderId: string | undefined): Paid & { reload: () => void } {
  const [state, setState] = useState<Paid>({ loading: !!orderId, polling: false })
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!orderId) return
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    let tries = 0
    const load = async () => {
      try {
        const order = await getOrder(orderId)
        if (!live) return
        const again = order.status === 'created' && ++tries < POLLS
        setState({ order, loading: false, polling: again })
        if (again) timer = setTimeout(() => void load(), POLL_MS)
      } catch (error) {
        if (live) setState({ error: messageOf(error), loading: false, polling: false })
      }
    }
    setState((s) => ({ order: s.order, loading: !s.order, polling: false }))
    void load()
    return () => {
      live = false
      if (timer) clearTimeout(timer)
    }
  }, [orderId, tick])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { ...state, reload }
}

function ResultPage() {
  const { orderId: raw } = usePageQuery()
  const orderId = isOrderId(raw) ? raw : undefined
  const { order, error, loading, polling, reload } = usePaidOrder(orderId)

  const buttons = (
    <View className='res__actions'>
      {orderId && (
        <Button type='primary' size='xlarge' block onClick={() => replacePage(detailUrl(orderId))} data-testid='result-view-order'>
          {COPY.common.viewOrder}
        </Button>
      )}
      <Button size='xlarge' block onClick={goHome} data-testid='result-home'>
        {COPY.common.home}
      </Button>
    </View>
  )

  if (!orderId) {
    return (
      <View className='res' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.common.loadFailed} description={COPY.result.missing} />
        {buttons}
      </View>
    )
  }
  if (loading) {
    return (
      <View className='res res--center' aria-busy='true'>
        <Loading type='circular'>{COPY.result.confirming}</Loading>
      </View>
    )
  }
  if (error || !order) {
    return (
      <View className='res' role='alert' data-testid='result-error'>
        <EmptyState image={<NetworkError size={72} color='#bfbfbf' />} title={COPY.common.loadFailed} description={error} />
        <View className='res__actions'>
          <Button type='primary' size='xlarge' block onClick={reload} data-testid='retry'>
            {COPY.common.retry}
          </Button>
          <Button size='xlarge' block onClick={goHome}>
            {COPY.common.home}
          </Button>
        </View>
      </View>
    )
  }
  if (order.status === 'created') {
    return (
      <View className='res' data-testid='result-unpaid'>
        <View className='res__head'>
          {polling ? <Loading type='circular' /> : <Tips size={56} color='#d46b08' />}
          <Text className='res__title'>{polling ? COPY.result.confirming : COPY.result.notPaidTitle}</Text>
          {!polling && <Text className='res__text'>{COPY.result.notPaid}</Text>}
        </View>
        <View className='res__actions'>
          {!polling && (
            <Button type='primary' size='xlarge' block onClick={reload} data-testid='result-refresh'>
              {COPY.result.refresh}
            </Button>
          )}
          <Button size='xlarge' block onClick={() => replacePage(detailUrl(order.orderId))} data-testid='result-view-order'>
            {COPY.common.viewOrder}
          </Button>
        </View>
      </View>
    )
  }
  if (order.status === 'cancelled' || order.status === 'refunded') {
    return (
      <View className='res' data-testid='result-closed'>
        <View className='res__head'>
          <Tips size={56} color='#8c8c8c' />
          <Text className='res__title'>{COPY.result.closedTitle}</Text>
          <Text className='res__text'>{order.statusLabel}</Text>
        </View>
        {buttons}
      </View>
    )
  }
  return (
    <View className='res' data-testid='result-paid'>
      <View className='res__head'>
        <Success size={64} color='#389e0d' />
        <Text className='res__title'>{COPY.result.paidTitle}</Text>
        <Text className='res__subtitle'>{COPY.result.paidSubtitle}</Text>
      </View>
      <View className='res__section'>
        <FlowSteps current={5} />
      </View>
      <View className='res__section res__next'>
        <Text className='res__next-lead' data-testid='result-next'>
          {COPY.result.next}
        </Text>
        {COPY.result.steps.map((s, i) => (
          <Text key={s} className='res__step'>
            {i + 1}. {s}
          </Text>
        ))}
      </View>
      {buttons}
    </View>
  )
}

export default pageRoot(ResultPage)
