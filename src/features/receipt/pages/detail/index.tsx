import { View, Text, Image } from '@tarojs/components'
import { Button, Cell, CellGroup, Dialog } from '@nutui/nutui-react-taro'
import { Tips } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { TEMPLATE_KEYS } from '@/domain/notify/templates'
import { canFire } from '@/domain/order/order.machine'
import { orderPhase } from '@/domain/order/order.phase'
import type { OrderView } from '@/domain/order/order.view'
import { formatYuan } from '@/domain/order/prices'
import { REMIND_DAYS_BEFORE_EXPIRY, daysLeft, validityEvidence } from '@/domain/order/receipt-validity'
import { isSourced } from '@/domain/sources/source'
import { reissueOnlineSourced } from '@/domain/card-loss/card-loss.policy'
import { RECEIPT_NUMBER_USES } from '@/domain/order/receipt-numbers'
import { groupedNumber } from '@/domain/order/receipt-number'
import { copyText } from '@/platform/clipboard'
import { SOCIAL_SECURITY_HOTLINE } from '@/domain/services'
import { formatInstant } from '@/domain/time'
import { CustomerService } from '@/components/customer-service'
import { PrivacyPopup } from '@/components/privacy-popup'
import { EmptyState, RemoteView } from '@/components/status-view'
import { StatusHeader, Timeline } from '@/components/case-view'
import { useAction } from '@/hooks/use-action'
import { useRemote } from '@/hooks/use-remote'
import { showToast } from '@/platform/device'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { pay } from '@/platform/pay'
import { messageOf } from '@/platform/reply'
import { SaveImageError, canOpenAlbumSettings, openAlbumSettings, saveImage } from '@/platform/save-image'
import { askSubscribe } from '@/platform/subscribe'
import { COPY } from '../../copy'
import { cancelOrder, getOrder, payOrder, receiptImage } from '../../api'
import { ReceiptUse } from '../../components/receipt-use'
import { payErrorMessage } from '../../payment'
import { idPhotoUrl, isOrderId, resultUrl, startUrl } from '../../routes'
import './index.scss'
import { pageRoot } from '@/components/page-root'

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Cell
      title={<Text className='odt__label'>{label}</Text>}
      extra={
        <Text className='odt__value' data-testid={testId}>
          {value}
        </Text>
      }
    />
  )
}

function Header({ order }: { order: OrderView }) {
  return (
    <StatusHeader phase={orderPhase(order.status)}>
      <Text className='odt__status' data-testid='order-status' data-status={order.status}>
        {order.statusLabel}
      </Text>
      <Text className='odt__what'>
        {order.documentTitle} · {order.cityLabel}
      </Text>
    </StatusHeader>
  )
}

function OrderTimeline({ order }: { order: OrderView }) {
  const entries = order.timeline.map((entry, i) => ({ key: `${entry.to}-${entry.at}-${i}`, title: entry.label, meta: formatInstant(entry.at), reason: entry.reason, to: entry.to }))
  return <Timeline title={COPY.detail.timeline} entries={entries} testId='order-timeline' />
}

/** A number shown in groups of four for reading, copied whole. */
function ReceiptNumber({ label, value, testId }: { label: string; value: string; testId: string }) {
  const copy = () => void copyText(value).then((ok) => showToast(ok ? COPY.detail.copied(label) : COPY.detail.copyFailed, ok ? 'success' : undefined))
  return (
    <View className='odt__receipt-number'>
      <Text className='odt__label'>{label}</Text>
      <View className='odt__number-row'>
        <Text className='odt__big' data-testid={testId} data-value={value} selectable>
          {groupedNumber(value)}
        </Text>
        <Button size='large' fill='outline' onClick={copy} data-testid={`${testId}-copy`}>
          {COPY.detail.copy}
        </Button>
      </View>
    </View>
  )
}

/** Which number goes where, from the sources (RECEIPT_NUMBER_USES). */
function NumberUses() {
  return (
    <View className='odt__uses' data-testid='number-uses'>
      <Text className='odt__uses-title'>{COPY.detail.usesTitle}</Text>
      {RECEIPT_NUMBER_USES.map((u) => (
        <Text key={u.where} className='odt__use' data-testid={`number-use-${u.where}`}>
          · {u.text}
        </Text>
      ))}
    </View>
  )
}

function Receipt({ order }: { order: OrderView }) {
  const receipt = order.receipt
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string>()
  const [denied, setDenied] = useState(false)
  if (!receipt) return null
  const left = daysLeft(receipt.expiresAt, new Date())
  const sourced = isSourced(validityEvidence(order.documentType, order.cityCode))
  const tone = !sourced ? 'fine' : left === 0 ? 'expired' : left <= REMIND_DAYS_BEFORE_EXPIRY ? 'soon' : 'fine'

  const save = () => {
    if (saving) return
    setSaving(true)
    setSaveError(undefined)
    setDenied(false)
    void (async () => {
      try {
        const { url } = await receiptImage(order.orderId)
        const outcome = await saveImage(url, `回执-${receipt.receiptNumber}.png`)
        void showToast(outcome === 'saved' ? COPY.detail.saved : COPY.detail.downloaded, 'success')
      } catch (error) {
        if (error instanceof SaveImageError) {
          if (error.reason === 'denied') {
            setDenied(true)
            setSaveError(COPY.detail.saveDenied)
          } else if (error.reason === 'privacy') setSaveError(COPY.detail.savePrivacy)
          else if (error.reason !== 'cancelled') setSaveError(COPY.detail.saveFailed)
        } else setSaveError(messageOf(error))
      } finally {
        setSaving(false)
      }
    })()
  }

  return (
    <View className='odt__card odt__receipt' data-testid='receipt'>
      <Text className='odt__card-title'>{COPY.detail.receiptTitle}</Text>
      <ReceiptNumber label={COPY.detail.receiptNumber} value={receipt.receiptNumber} testId='receipt-number' />
      {receipt.imageNumber && <ReceiptNumber label={COPY.detail.imageNumber} value={receipt.imageNumber} testId='image-number' />}
      <NumberUses />
      <View className={`odt__expiry odt__expiry--${tone}`} data-testid='receipt-expiry' data-days-left={left}>
        <Text className='odt__expiry-date'>
          {sourced ? COPY.detail.expiry : COPY.detail.expiryReference} {formatInstant(receipt.expiresAt)}
        </Text>
        {sourced ? (
          <Text className='odt__expiry-left'>{left === 0 ? COPY.detail.expired : COPY.detail.daysLeft(left)}</Text>
        ) : (
          <Text className='odt__note' data-testid='receipt-expiry-reference'>
            {COPY.detail.expiryUnverified}
          </Text>
        )}
      </View>
      {tone !== 'fine' && <Text className='odt__warn'>{tone === 'expired' ? COPY.detail.expiredNote : COPY.detail.expiringSoon}</Text>}
      <Text className='odt__note'>
        {COPY.detail.approvedAt} {formatInstant(receipt.approvedAt)}
      </Text>
      <Text className='odt__note'>{COPY.detail.singleUse}</Text>
      {saveError && (
        <View className='odt__error' role='alert' data-testid='receipt-save-error'>
          {saveError}
        </View>
      )}
      {denied && canOpenAlbumSettings && (
        <Button size='large' block fill='outline' onClick={() => void openAlbumSettings()}>
          {COPY.detail.openSettings}
        </Button>
      )}
      <Button type='primary' size='xlarge' block loading={saving} disabled={saving} onClick={save} data-testid='receipt-download'>
        {saving ? COPY.detail.saving : COPY.detail.save}
      </Button>
    </View>
  )
}

function Rejected({ order }: { order: OrderView }) {
  return (
    <View className='odt__card odt__rejected' role='alert'>
      <Text className='odt__card-title odt__card-title--bad'>{COPY.detail.rejectedTitle}</Text>
      {order.rejection && (
        <>
          <Text className='odt__reason' data-testid='reject-reason' data-code={order.rejection.code}>
            {COPY.detail.reason}：{order.rejection.label}
          </Text>
          {order.rejection.text && (
            <Text className='odt__reason-text' data-testid='reject-text'>
              {order.rejection.text}
            </Text>
          )}
        </>
      )}
      <Text className='odt__note odt__note--ok'>{COPY.detail.resubmitHint}</Text>
      {order.canResubmit && (
        <Button
          type='danger'
          size='xlarge'
          block
          onClick={() => openPage(idPhotoUrl({ documentType: order.documentType, cityCode: order.cityCode, resubmitOrderId: order.orderId }))}
          data-testid='resubmit-button'
        >
          {COPY.detail.resubmit}
        </Button>
      )}
    </View>
  )
}

function Unpaid({ order, onChanged }: { order: OrderView; onChanged: (order: OrderView) => void }) {
  const [asking, setAsking] = useState(false)
  /** Stays busy once WeChat Pay has the order: the result page or the cashier takes over. */
  const paying = useAction(
    async (consent: ReturnType<typeof askSubscribe>) => {
      const { payment } = await payOrder(order.orderId, await consent)
      const outcome = await pay(payment)
      if (outcome === 'paid') replacePage(resultUrl(order.orderId))
    },
    { holdOnSuccess: true, message: payErrorMessage },
  )
  const cancelling = useAction(async () => {
    const next = await cancelOrder(order.orderId)
    onChanged(next)
    void showToast(COPY.detail.cancelled, 'success')
  })
  const busy = paying.busy || cancelling.busy
  const error = paying.error ?? cancelling.error

  /** Subscribe consent in the tap itself, before any await; then the payment parameters, then WeChat Pay. */
  const onPay = () => {
    if (busy) return
    cancelling.setError(undefined)
    void paying.run(askSubscribe(TEMPLATE_KEYS))
  }

  const onCancel = () => {
    setAsking(false)
    paying.setError(undefined)
    void cancelling.run()
  }

  return (
    <View className='odt__card'>
      {order.payDeadline && <Text className='odt__warn'>{COPY.detail.payBy(formatInstant(order.payDeadline))}</Text>}
      {error && (
        <View className='odt__error' role='alert' data-testid='order-action-error'>
          {error}
        </View>
      )}
      {order.canPay && (
        <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={onPay} data-testid='pay-button'>
          {COPY.detail.pay}
        </Button>
      )}
      {order.canCancel && (
        <Button size='large' block disabled={busy} onClick={() => setAsking(true)} data-testid='cancel-order'>
          {COPY.detail.cancel}
        </Button>
      )}
      <Dialog
        visible={asking}
        title={COPY.detail.cancelTitle}
        content={COPY.detail.cancelBody}
        confirmText={COPY.detail.cancelConfirm}
        cancelText={COPY.detail.cancelKeep}
        onConfirm={onCancel}
        onCancel={() => setAsking(false)}
      />
    </View>
  )
}

function Progress({ order }: { order: OrderView }) {
  if (order.status === 'paid' || order.status === 'reviewing') return <Text className='odt__banner odt__banner--info'>{order.status === 'paid' ? COPY.detail.paid : COPY.detail.reviewing}</Text>
  if (order.status === 'refunded') return <Text className='odt__banner odt__banner--off'>{COPY.detail.refunded}</Text>
  if (order.status === 'cancelled')
    return (
      <View className='odt__card'>
        <Text className='odt__note'>{COPY.detail.closed}</Text>
        <Button type='primary' size='large' block onClick={() => openPage(startUrl())}>
          {COPY.detail.newOrder}
        </Button>
      </View>
    )
  return null
}

function OrderDetail({ order, onChanged }: { order: OrderView; onChanged: (order: OrderView) => void }) {
  return (
    <>
      <Header order={order} />
      <View className='odt__body'>
        <Progress order={order} />
        {canFire(order.status, 'cancel', 'user') && <Unpaid order={order} onChanged={onChanged} />}
        {canFire(order.status, 'resubmitted', 'user') && <Rejected order={order} />}
        {order.status === 'approved' && <Receipt order={order} />}
        {order.status === 'approved' && order.documentType === 'social-security-card' && order.receipt && (order.receipt.usedAt || reissueOnlineSourced(order.cityCode)) && (
          <ReceiptUse usedAt={order.receipt.usedAt} />
        )}
        <OrderTimeline order={order} />
        <View className='odt__card odt__photo-card'>
          <Text className='odt__card-title'>{COPY.detail.photo}</Text>
          {order.photoUrl ? (
            <Image className='odt__photo' src={order.photoUrl} mode='aspectFit' data-testid='order-photo' />
          ) : (
            <Text className='odt__note'>{COPY.detail.noPhoto}</Text>
          )}
          {order.submissions > 1 && <Text className='odt__note'>{COPY.detail.submissions(order.submissions)}</Text>}
        </View>
        <CellGroup title={<Text className='odt__group-title'>{COPY.detail.applicant}</Text>}>
          <Row label={COPY.detail.name} value={order.applicant.name} testId='order-applicant-name' />
          <Row label={COPY.detail.idNumber} value={order.applicant.idNumberMasked} testId='order-id-number' />
          <Row label={COPY.detail.phone} value={order.applicant.phoneMasked} testId='order-phone' />
        </CellGroup>
        <CellGroup>
          <Row label={COPY.detail.amount} value={formatYuan(order.amountFen)} testId='order-amount' />
          <Row label={COPY.detail.orderNumber} value={order.orderId} testId='order-id' />
          <Row label={COPY.detail.createdAt} value={formatInstant(order.createdAt)} />
        </CellGroup>
        <CustomerService hotline={SOCIAL_SECURITY_HOTLINE} />
      </View>
    </>
  )
}

function OrderDetailPage() {
  const { orderId: raw } = usePageQuery()
  const orderId = isOrderId(raw) ? raw : undefined
  /** Back from paying or from retaking the photo: show the order as it is now. */
  const remote = useRemote(() => (orderId ? getOrder(orderId) : Promise.reject(new Error('no order'))), [orderId], { reloadOnShow: true })


  if (!orderId) {
    return (
      <View className='odt' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.common.loadFailed} description={COPY.detail.missing} />
      </View>
    )
  }
  const order = remote.data
  return (
    <View className='odt'>
      <PrivacyPopup />
      <RemoteView remote={remote}>
        {order && <OrderDetail order={order} onChanged={remote.set} />}
      </RemoteView>
    </View>
  )
}

export default pageRoot(OrderDetailPage)
