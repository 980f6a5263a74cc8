import { View, Text } from '@tarojs/components'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import { ArrowRight, Order } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { ORDER_TAB_LABELS, type OrderTab } from '@/domain/order/order-tabs'
import type { OrderSummary } from '@/domain/order/order.view'
import { SERVICES } from '@/domain/services'
import { formatInstant } from '@/domain/time'
import type { Profile } from '@/domain/user/user.schema'
import { orderPhase } from '@/domain/order/order.phase'
import { EmptyState, StatusView } from '@/components/status-view'
import { StatusWord } from '@/components/case-view'
import { useRemote } from '@/hooks/use-remote'
import { callFunction } from '@/platform/cloud'
import { openPage } from '@/platform/navigation'
import { ORDERS_COPY } from '../copy'
import './index.scss'
import { pageRoot } from '@/components/page-root'

/** The receipt order's page lives in the receipt subpackage; the main package only knows its address. */
const detailUrl = (orderId: string) => `/features/receipt/pages/detail/index?orderId=${encodeURIComponent(orderId)}`
const TABS = Object.keys(ORDER_TAB_LABELS) as OrderTab[]
/** 常用办理人 (features/family): the people the user acts for, and the cases made for each. */
const FAMILY_URL = '/features/family/pages/index/index'
const receipt = SERVICES.find((s) => s.key === 'receipt')

function OrderCard({ order }: { order: OrderSummary }) {
  return (
    <View className='order-card' onClick={() => openPage(detailUrl(order.orderId))} data-testid='order-card' data-order-id={order.orderId} data-status={order.status}>
      <View className='order-card__top'>
        <Text className='order-card__title'>{order.documentTitle}</Text>
        <StatusWord phase={orderPhase(order.status)} testId='order-card-status' plain>
          {order.statusLabel}
        </StatusWord>
      </View>
      <Text className='order-card__city'>{order.cityLabel}</Text>
      {order.applicantMasked && (
        <Text className='order-card__applicant' data-testid='order-card-applicant'>
          {ORDERS_COPY.applicant(order.applicantMasked, order.applicantRelation)}
        </Text>
      )}
      {order.receiptNumber && <Text className='order-card__receipt'>{ORDERS_COPY.receiptNumber(order.receiptNumber)}</Text>}
      <View className='order-card__bottom'>
        <Text className='order-card__time'>{ORDERS_COPY.createdAt(formatInstant(order.createdAt))}</Text>
        <Text className='order-card__amount'>{order.amountLabel}</Text>
      </View>
      <View className='order-card__more'>
        <Text>{ORDERS_COPY.viewDetail}</Text>
        <ArrowRight size={14} />
      </View>
    </View>
  )
}

function OrderList({ tab }: { tab: OrderTab }) {
  /** A tabBar page stays alive: coming back to it (after paying, say) loads the list again. */
  const list = useRemote(() => callFunction<OrderSummary[]>('order', 'list', { tab }, { retries: 2 }), [tab], { reloadOnShow: true })
  return (
    <StatusView loading={list.loading} error={list.error} onRetry={list.reload}>
      {list.data && list.data.length > 0 ? (
        <View className='orders__list' data-testid='order-list'>
          {list.data.map((order) => (
            <OrderCard key={order.orderId} order={order} />
          ))}
        </View>
      ) : (
        <View className='orders__empty' data-testid='orders-empty'>
          <EmptyState
            image={<Order size={72} color='#bfbfbf' />}
            title={tab === 'all' ? ORDERS_COPY.emptyTitle : ORDERS_COPY.emptyTabTitle(ORDER_TAB_LABELS[tab])}
            description={tab === 'all' ? ORDERS_COPY.emptyDescription : ORDERS_COPY.emptyTabDescription}
          />
          {receipt && (
            <Button type='primary' size='large' onClick={() => openPage(receipt.route)} data-testid='start-receipt'>
              {ORDERS_COPY.startReceipt}
            </Button>
          )}
        </View>
      )}
    </StatusView>
  )
}

function OrdersPage() {
  const profile = useRemote(() => callFunction<Profile>('user', 'get', undefined, { retries: 2 }))
  const [tab, setTab] = useState<OrderTab>('all')

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
            <Text className='orders__family' onClick={() => openPage(FAMILY_URL)} data-testid='open-family'>
              {ORDERS_COPY.family}
            </Text>
          </View>
        )}
      </StatusView>
      {/* The tabs are the switch only: NutUI lays panes side by side and slides them, so the one list lives below. */}
      <Tabs value={tab} onChange={(value) => setTab(value as OrderTab)} className='orders__tabs' activeType='line' duration={0}>
        {TABS.map((key) => (
          <Tabs.TabPane key={key} value={key} title={ORDER_TAB_LABELS[key]} />
        ))}
      </Tabs>
      <View className='orders__pane' data-testid='order-tab' data-tab={tab}>
        <OrderList key={tab} tab={tab} />
      </View>
    </View>
  )
}

export default pageRoot(OrdersPage)
