import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Eye, Tips } from '@nutui/icons-react-taro'
import { useState } from 'react'
import * as v from 'valibot'
import { TEMPLATES } from '@/domain/notify/templates'
import { ResendInput, type OpsOrderDetail } from '@/domain/ops/ops.view'
import { canFire } from '@/domain/order/order.machine'
import { formatYuan } from '@/domain/order/prices'
import { formatInstant } from '@/domain/time'
import { orderPhase } from '@/domain/order/order.phase'
import { EmptyState } from '@/components/status-view'
import { StatusHeader } from '@/components/case-view'
import { useAction } from '@/hooks/use-action'
import { showToast } from '@/platform/device'
import { usePageQuery } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { getDetail, refundOrder, resendNotification, revealPhoto } from '../../api'
import { OpsStatus } from '../../components/panel'
import { Card, Fact, Facts, Timeline } from '../../components/detail-parts'
import { ReasonDialog } from '../../components/reason-dialog'
import { isOrderId } from '../../routes'
import { useOpsRemote } from '../../use-ops-remote'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const templateTitle = (key: string) => (key in TEMPLATES ? TEMPLATES[key as keyof typeof TEMPLATES].title : key)

function OrderTimeline({ order }: { order: OpsOrderDetail }) {
  const entries = order.timeline.map((entry, i) => ({ key: `${entry.to}-${entry.at}-${i}`, title: entry.label, meta: `${formatInstant(entry.at)} · ${COPY.detail.actors[entry.actor]}`, reason: entry.reason, to: entry.to }))
  return <Timeline title={COPY.detail.timeline} entries={entries} testId='ops-timeline' entryTestId='ops-timeline-entry' empty={COPY.detail.noTimeline} />
}

/** The photo stays hidden until the operator gives a reason; the server writes the look to the audit log. */
function Photo({ orderId }: { orderId: string }) {
  const [asking, setAsking] = useState(false)
  const [url, setUrl] = useState<string>()
  const revealing = useAction(async (reason: string) => {
    const { photoUrl } = await revealPhoto(orderId, reason)
    setUrl(photoUrl)
    setAsking(false)
  })
  const { busy, error, setError } = revealing
  const reveal = (reason: string) => void revealing.run(reason)

  return (
    <Card title={COPY.detail.photo}>
      {url ? (
        <>
          <Image className='opd__photo' src={url} mode='aspectFit' data-testid='revealed-photo' />
          <Text className='opd__audited'>{COPY.detail.revealed}</Text>
        </>
      ) : (
        <>
          <Text className='ops-panel__note'>{COPY.detail.photoHidden}</Text>
          <Button
            size='xlarge'
            block
            fill='outline'
            type='primary'
            icon={<Eye size={20} />}
            onClick={() => {
              setError(undefined)
              setAsking(true)
            }}
            data-testid='reveal-photo'
          >
            {COPY.detail.reveal}
          </Button>
        </>
      )}
      <ReasonDialog
        visible={asking}
        title={COPY.reason.revealTitle}
        placeholder={COPY.reason.revealPlaceholder}
        confirmText={COPY.reason.revealConfirm}
        busy={busy}
        error={error}
        testIdPrefix='reveal'
        onCancel={() => setAsking(false)}
        onConfirm={reveal}
      />
    </Card>
  )
}

function Refund({ order, onChanged }: { order: OpsOrderDetail; onChanged: (order: OpsOrderDetail) => void }) {
  const [asking, setAsking] = useState(false)
  const refunding = useAction(async (reason: string) => {
    const next = await refundOrder(order.orderId, reason)
    setAsking(false)
    onChanged(next)
    void showToast(COPY.detail.refunded, 'success')
  })
  const { busy, error, setError } = refunding
  if (!canFire(order.status, 'refund', 'operator')) return null
  const refund = (reason: string) => void refunding.run(reason)

  return (
    <Card title={COPY.detail.actions}>
      <Text className='ops-panel__note'>{COPY.detail.refundHint}</Text>
      <Button
        type='danger'
        size='xlarge'
        block
        onClick={() => {
          setError(undefined)
          setAsking(true)
        }}
        data-testid='ops-refund'
      >
        {COPY.detail.refund}
      </Button>
      <ReasonDialog
        visible={asking}
        title={COPY.reason.refundTitle}
        placeholder={COPY.reason.refundPlaceholder}
        confirmText={COPY.reason.refundConfirm}
        danger
        busy={busy}
        error={error}
        testIdPrefix='refund'
        onCancel={() => setAsking(false)}
        onConfirm={refund}
      />
    </Card>
  )
}

function Callbacks({ order }: { order: OpsOrderDetail }) {
  return (
    <Card title={COPY.detail.callbacks} testId='ops-callbacks'>
      {order.callbacks.length === 0 && <Text className='ops-panel__note'>{COPY.detail.noCallbacks}</Text>}
      {order.callbacks.map((cb) => (
        <View key={cb.callbackId} className='ops-line' data-testid='ops-callback' data-effect={cb.effect}>
          <View className='ops-line__top'>
            <Text className='ops-line__title'>{COPY.detail.results[cb.result] ?? cb.result}</Text>
            <Text className={`ops-badge ops-badge--${cb.effect === 'applied' ? 'ok' : 'off'}`}>{COPY.detail.effects[cb.effect] ?? cb.effect}</Text>
          </View>
          <Text className='ops-line__meta'>{formatInstant(cb.receivedAt)}</Text>
          <Text className='ops-line__meta'>{cb.callbackId}</Text>
        </View>
      ))}
    </Card>
  )
}

function Notifications({ order, onResent }: { order: OpsOrderDetail; onResent: () => void }) {
  const [busy, setBusy] = useState<string>()
  const [errors, setErrors] = useState<Record<string, string>>({})

  const resend = (id: string) => {
    if (busy) return
    setBusy(id)
    setErrors(({ [id]: _gone, ...rest }) => rest)
    resendNotification(id)
      .then(() => {
        void showToast(COPY.detail.resent, 'success')
        onResent()
      })
      .catch((e: unknown) => setErrors((all) => ({ ...all, [id]: messageOf(e) })))
      .finally(() => setBusy(undefined))
  }

  return (
    <Card title={COPY.detail.notifications} testId='ops-notifications'>
      {order.notifications.length === 0 && <Text className='ops-panel__note'>{COPY.detail.noNotifications}</Text>}
      {order.notifications.map((n) => (
        <View key={n.id} className='ops-line' data-testid='ops-notification' data-status={n.status}>
          <View className='ops-line__top'>
            <Text className='ops-line__title'>{templateTitle(n.template)}</Text>
            <Text className={`ops-badge ops-badge--${n.status === 'sent' ? 'ok' : n.status === 'failed' ? 'bad' : 'off'}`}>
              {COPY.detail.notificationStatus[n.status] ?? n.status}
            </Text>
          </View>
          <Text className='ops-line__meta'>
            {formatInstant(n.createdAt)} · {COPY.detail.attempts(n.attempts)}
          </Text>
          {n.lastError && (
            <Text className='opd__line-error' data-testid='ops-notification-error'>
              {COPY.detail.lastError}：{n.lastError}
            </Text>
          )}
          {errors[n.id] && (
            <View className='ops-panel__error' role='alert'>
              {errors[n.id]}
            </View>
          )}
          {n.status === 'failed' && v.is(ResendInput, { outboxId: n.id }) && (
            <Button size='large' type='primary' fill='outline' block loading={busy === n.id} disabled={!!busy} onClick={() => resend(n.id)} data-testid='notification-resend'>
              {COPY.detail.resend}
            </Button>
          )}
        </View>
      ))}
    </Card>
  )
}

function PaymentIssues({ order }: { order: OpsOrderDetail }) {
  if (order.paymentIssues.length === 0) return null
  return (
    <Card title={COPY.detail.paymentIssues} testId='ops-payment-issues'>
      {order.paymentIssues.map((issue, i) => (
        <View key={`${issue.kind}-${issue.at}-${i}`} className='ops-line' data-testid='ops-payment-issue' data-kind={issue.kind}>
          <View className='ops-line__top'>
            <Text className='ops-line__title ops-line__title--bad'>{COPY.detail.issueKinds[issue.kind] ?? issue.kind}</Text>
            <Text className='ops-line__meta'>{COPY.detail.paidAmount(formatYuan(issue.totalFee))}</Text>
          </View>
          <Text className='ops-line__meta'>{formatInstant(issue.at)}</Text>
        </View>
      ))}
    </Card>
  )
}

function OrderDetail({ order, onChanged, onReload }: { order: OpsOrderDetail; onChanged: (order: OpsOrderDetail) => void; onReload: () => void }) {
  return (
    <>
      <StatusHeader phase={orderPhase(order.status)}>
        <Text className='opd__status' data-testid='ops-detail-status' data-status={order.status}>
          {order.statusLabel}
        </Text>
        <Text className='opd__what'>
          {order.documentTitle} · {order.cityLabel}
        </Text>
      </StatusHeader>
      <View className='opd__body'>
        <Refund order={order} onChanged={onChanged} />
        <Card title={COPY.detail.applicant}>
          <Facts layout='grid'>
            <Fact label={COPY.detail.name} value={order.applicantName} testId='ops-detail-name' />
            <Fact label={COPY.detail.phone} value={order.phoneMasked} testId='ops-detail-phone' />
            <Fact label={COPY.detail.idNumber} value={order.idNumberMasked} testId='ops-detail-id-number' wide />
          </Facts>
        </Card>
        <Card title={COPY.detail.order}>
          <Facts layout='grid'>
            <Fact label={COPY.common.orderId} value={order.orderId} testId='ops-detail-order-id' wide />
            <Fact label={COPY.detail.amount} value={order.amountLabel} testId='ops-detail-amount' />
            <Fact label={COPY.detail.submissions} value={String(order.submissions)} />
            {order.margin && (
              <>
                <Fact label={COPY.detail.providerCost(COPY.detail.providers[order.margin.provider] ?? order.margin.provider)} value={formatYuan(order.margin.costFen)} testId='ops-detail-provider-cost' />
                <Fact label={COPY.detail.margin} value={formatYuan(order.margin.marginFen)} testId='ops-detail-margin' />
              </>
            )}
            {order.submitError && <Fact label={COPY.detail.submitError} value={`${order.submitError.message}（${formatInstant(order.submitError.at)}）`} testId='ops-detail-submit-error' wide />}
            <Fact label={COPY.detail.createdAt} value={formatInstant(order.createdAt)} wide />
          </Facts>
        </Card>
        <Photo orderId={order.orderId} />
        <OrderTimeline order={order} />
        <PaymentIssues order={order} />
        <Callbacks order={order} />
        <Notifications order={order} onResent={onReload} />
      </View>
    </>
  )
}

/** One order as the operator sees it: masked applicant, history with reasons, callbacks, messages, payment issues. */
function OpsOrderDetailPage() {
  const { orderId: raw } = usePageQuery()
  const orderId = isOrderId(raw) ? raw : undefined
  const remote = useOpsRemote(() => (orderId ? getDetail(orderId) : Promise.reject(new Error('no order'))), [orderId])


  if (!orderId) {
    return (
      <View className='opd' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.detail.title} description={COPY.detail.missing} />
      </View>
    )
  }
  const order = remote.data
  return (
    <View className='opd' data-testid='ops-detail' data-order-id={orderId}>
      <OpsStatus remote={remote}>{order && <OrderDetail order={order} onChanged={remote.set} onReload={remote.reload} />}</OpsStatus>
    </View>
  )
}

export default pageRoot(OpsOrderDetailPage)
