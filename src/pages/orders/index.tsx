import { View, Text } from '@tarojs/components'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import { ArrowRight, Order } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { CASE_KINDS, CASE_KIND_LABELS, CASE_KIND_SHORT, type CaseKind, type MyCase } from '@/domain/case/my-cases'
import { groupedNumber } from '@/domain/order/receipt-number'
import { SERVICES } from '@/domain/services'
import { formatInstant } from '@/domain/time'
import type { Profile } from '@/domain/user/user.schema'
import { EmptyState, StatusView } from '@/components/status-view'
import { StatusWord } from '@/components/case-view'
import { useRemote } from '@/hooks/use-remote'
import { useUnreadBadge } from '@/hooks/use-unread-badge'
import { callFunction } from '@/platform/cloud'
import { openPage } from '@/platform/navigation'
import { caseDetailUrl } from '@/routes'
import { ORDERS_COPY } from '../copy'
import './index.scss'
import { pageRoot } from '@/components/page-root'

type Tab = 'all' | CaseKind
const TABS: readonly Tab[] = ['all', ...CASE_KINDS]
const tabLabel = (tab: Tab) => (tab === 'all' ? ORDERS_COPY.all : CASE_KIND_SHORT[tab])
/** 常用办理人 (features/family): the people the user acts for, and the cases made for each. */
const FAMILY_URL = '/features/family/pages/index/index'
const receipt = SERVICES.find((s) => s.key === 'receipt')

/** One case of any kind: what it is, where it stands, and (for an approved receipt) its number. */
function CaseCard({ item }: { item: MyCase }) {
  const testId = item.kind === 'receipt' ? 'order-card' : 'case-card'
  return (
    <View
      className='order-card'
      onClick={() => openPage(caseDetailUrl(item.kind, item.id))}
      data-testid={testId}
      data-kind={item.kind}
      data-case-id={item.id}
      data-order-id={item.kind === 'receipt' ? item.id : undefined}
      data-status={item.status}
    >
      <View className='order-card__top'>
        <Text className='order-card__kind' data-testid='case-kind'>
          {CASE_KIND_LABELS[item.kind]}
        </Text>
        <StatusWord phase={item.phase} testId='order-card-status' plain>
          {item.statusLabel}
        </StatusWord>
      </View>
      <Text className='order-card__title'>{item.title}</Text>
      {item.applicant && (
        <Text className='order-card__applicant' data-testid='order-card-applicant'>
          {ORDERS_COPY.applicant(item.applicant.masked, item.applicant.relation)}
        </Text>
      )}
      {item.receiptNumber && <Text className='order-card__receipt'>{ORDERS_COPY.receiptNumber(groupedNumber(item.receiptNumber))}</Text>}
      <View className='order-card__bottom'>
        <Text className='order-card__time'>{ORDERS_COPY.createdAt[item.kind](formatInstant(item.createdAt))}</Text>
      </View>
      <View className='order-card__more'>
        <Text>{ORDERS_COPY.viewDetail}</Text>
        <ArrowRight size={14} />
      </View>
    </View>
  )
}

function CaseList({ tab, cases }: { tab: Tab; cases: readonly MyCase[] }) {
  const shown = tab === 'all' ? cases : cases.filter((c) => c.kind === tab)
  if (shown.length > 0) {
    return (
      <View className='orders__list' data-testid='order-list'>
        {shown.map((item) => (
          <CaseCard key={`${item.kind}-${item.id}`} item={item} />
        ))}
      </View>
    )
  }
  return (
    <View className='orders__empty' data-testid='orders-empty'>
      <EmptyState
        image={<Order size={72} color='#bfbfbf' />}
        title={tab === 'all' ? ORDERS_COPY.emptyTitle : ORDERS_COPY.emptyTabTitle(CASE_KIND_LABELS[tab])}
        description={tab === 'all' ? ORDERS_COPY.emptyDescription : ORDERS_COPY.emptyTabDescription}
      />
      {receipt && (
        <Button type='primary' size='large' onClick={() => openPage(receipt.route)} data-testid='start-receipt'>
          {ORDERS_COPY.startReceipt}
        </Button>
      )}
    </View>
  )
}

/** 我的办理: every receipt, loss report and cancellation application of the user, in one list with their status. */
function OrdersPage() {
  useUnreadBadge()
  const profile = useRemote(() => callFunction<Profile>('user', 'get', undefined, { retries: 2 }))
  /** A tabBar page stays alive: coming back to it (after paying, say) loads the list again. */
  const cases = useRemote(() => callFunction<MyCase[]>('user', 'cases', {}, { retries: 2 }), [], { reloadOnShow: true })
  const [tab, setTab] = useState<Tab>('all')

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
      <Tabs value={tab} onChange={(value) => setTab(value as Tab)} className='orders__tabs' activeType='line' duration={0}>
        {TABS.map((key) => (
          <Tabs.TabPane key={key} value={key} title={tabLabel(key)} />
        ))}
      </Tabs>
      <View className='orders__pane' data-testid='order-tab' data-tab={tab}>
        <StatusView loading={cases.loading} error={cases.error} onRetry={cases.reload}>
          {cases.data && <CaseList tab={tab} cases={cases.data} />}
        </StatusView>
      </View>
    </View>
  )
}

export default pageRoot(OrdersPage)
