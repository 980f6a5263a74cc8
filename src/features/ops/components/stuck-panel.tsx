import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Checked } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { AppError } from '@/domain/errors'
import type { StuckItem, StuckKind } from '@/domain/ops/ops.view'
import { formatInstant } from '@/domain/time'
import { EmptyState } from '@/components/status-view'
import { showToast } from '@/platform/device'
import { openPage } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../copy'
import { getStuck, refundOrder, resendNotification, resubmitReview } from '../api'
import { opsDetailUrl } from '../routes'
import { useOpsRemote } from '../use-ops-remote'
import { OpsStatus, PanelHead } from './panel'
import { ReasonDialog } from './reason-dialog'
import './stuck-panel.scss'

const TAG: Record<StuckKind, 'warning' | 'danger' | 'primary'> = {
  review_overdue: 'warning',
  payment_issue: 'danger',
  notification_failed: 'primary',
  notification_unknown: 'primary',
}

/** One item has no other identity than its order, kind and outbox entry. */
const keyOf = (item: StuckItem) => `${item.kind}:${item.orderId}:${item.outboxId ?? ''}`

interface CardProps {
  item: StuckItem
  busy: boolean
  error?: string
  onAction: () => void
}

function StuckCard({ item, busy, error, onAction }: CardProps) {
  return (
    <View className='ops-panel__card stuck' data-testid='stuck-item' data-order-id={item.orderId} data-kind={item.kind} data-action={item.action}>
      <View className='stuck__top'>
        <Tag type={TAG[item.kind]} className='stuck__kind'>
          {COPY.stuck.kinds[item.kind]}
        </Tag>
        <Text className='stuck__since'>
          {COPY.stuck.since} {formatInstant(item.since)}
        </Text>
      </View>
      {item.label !== COPY.stuck.kinds[item.kind] && <Text className='stuck__label'>{item.label}</Text>}
      <Text className='stuck__detail'>{item.detail}</Text>
      <View className='stuck__order' onClick={() => openPage(opsDetailUrl(item.orderId))} data-testid='stuck-order'>
        <Text className='ops-panel__label'>{COPY.common.orderId}</Text>
        <Text className='stuck__order-id'>{item.orderId}</Text>
        <Text className='stuck__more'>{COPY.stuck.viewOrder} ›</Text>
      </View>
      {error && (
        <View className='ops-panel__error' role='alert' data-testid='stuck-error'>
          {error}
        </View>
      )}
      <Button
        type={item.action === 'refund' ? 'danger' : 'primary'}
        size='xlarge'
        block
        loading={busy}
        disabled={busy}
        onClick={onAction}
        data-testid='stuck-action'
      >
        {COPY.stuck.actions[item.action]}
      </Button>
    </View>
  )
}

/** Orders that need a hand: overdue reviews, payment issues, failed notifications, each with its one-tap fix. */
export function StuckPanel() {
  const stuck = useOpsRemote(getStuck)
  const [busy, setBusy] = useState<string>()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [refunding, setRefunding] = useState<StuckItem>()
  const [refundError, setRefundError] = useState<string>()

  const run = (item: StuckItem, act: () => Promise<unknown>) => {
    if (busy) return
    const key = keyOf(item)
    setBusy(key)
    setErrors(({ [key]: _gone, ...rest }) => rest)
    setRefundError(undefined)
    act()
      .then(() => {
        setRefunding(undefined)
        void showToast(COPY.stuck.done[item.action], 'success')
        stuck.reload()
      })
      .catch((error: unknown) => {
        if (item.action === 'refund') setRefundError(messageOf(error))
        else setErrors((e) => ({ ...e, [key]: messageOf(error) }))
      })
      .finally(() => setBusy(undefined))
  }

  const act = (item: StuckItem) => {
    if (item.action === 'refund') {
      setRefundError(undefined)
      setRefunding(item)
    } else if (item.action === 'resubmit') {
      run(item, () => resubmitReview(item.orderId))
    } else {
      const { outboxId } = item
      run(item, () => (outboxId ? resendNotification(outboxId) : Promise.reject(new AppError('NOT_FOUND'))))
    }
  }

  const items = stuck.data ?? []
  return (
    <View className='stuck-panel'>
      <PanelHead title={COPY.stuck.title} intro={COPY.stuck.intro} onRefresh={stuck.reload} loading={stuck.loading} refreshTestId='stuck-refresh' />
      <OpsStatus remote={stuck}>
        {items.length === 0 ? (
          <EmptyState image={<Checked size={72} color='#b7eb8f' />} title={COPY.stuck.empty} description={COPY.stuck.emptyHint} testId='stuck-empty' />
        ) : (
          <View className='ops-panel__body' data-testid='stuck-list'>
            {items.map((item) => (
              <StuckCard key={keyOf(item)} item={item} busy={busy === keyOf(item)} error={errors[keyOf(item)]} onAction={() => act(item)} />
            ))}
          </View>
        )}
      </OpsStatus>
      <ReasonDialog
        visible={!!refunding}
        title={COPY.reason.refundTitle}
        placeholder={COPY.reason.refundPlaceholder}
        confirmText={COPY.reason.refundConfirm}
        danger
        busy={!!refunding && busy === keyOf(refunding)}
        error={refundError}
        testIdPrefix='refund'
        onCancel={() => setRefunding(undefined)}
        onConfirm={(reason) => refunding && run(refunding, () => refundOrder(refunding.orderId, reason))}
      />
    </View>
  )
}
