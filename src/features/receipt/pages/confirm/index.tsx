import { View, Text, Image } from '@tarojs/components'
import { Button, Cell, CellGroup, Loading } from '@nutui/nutui-react-taro'
import { Tips } from '@nutui/icons-react-taro'
import { useEffect, useRef, useState } from 'react'
import { maskIdNumber } from '@/domain/identity/id-number'
import { maskPhone } from '@/domain/identity/phone'
import { TEMPLATE_KEYS } from '@/domain/notify/templates'
import type { CreateOrderResult } from '@/domain/order/order.view'
import { formatYuan, priceOf } from '@/domain/order/prices'
import { DOCUMENT_TYPES } from '@/domain/photo/specs'
import { cityByCode, cityLabel } from '@/domain/region'
import { EmptyState } from '@/components/status-view'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { pay } from '@/platform/pay'
import { askSubscribe } from '@/platform/subscribe'
import { COPY } from '../../copy'
import { createOrder, unpaidOrdersFor } from '../../api'
import { useRemote } from '@/hooks/use-remote'
import { newRequestId } from '@/domain/request-id'
import { FlowSteps } from '../../components/flow-steps'
import { applicantFor, clearDraft, photoUrlFor } from '../../draft'
import { payErrorMessage } from '../../payment'
import { applicantUrl, basicsOf, detailUrl, resultUrl, startUrl, type OrderBasics } from '../../routes'
import './index.scss'
import { pageRoot } from '@/components/page-root'

/**
 * Without the applicant in memory (a reload, or back from the H5 cashier, which leaves the app): the order made for
 * this photo and still unpaid is where the user was, so go to it (去支付 there) instead of asking for everything again.
 * True while it is being looked for or opened.
 */
function usePendingOrder(basics: OrderBasics | undefined, haveApplicant: boolean): boolean {
  const lookFor = basics && !haveApplicant ? basics.photoId : undefined
  const unpaid = useRemote(() => (lookFor ? unpaidOrdersFor(lookFor) : Promise.resolve([])), [])
  const pending = unpaid.data?.[0]?.orderId
  useEffect(() => {
    if (pending) replacePage(detailUrl(pending))
  }, [pending])
  return !!lookFor && (unpaid.loading || !!pending)
}

function ConfirmPage() {
  const basics = basicsOf(usePageQuery())
  /** Read once: the draft is cleared as soon as the order exists, and this page still shows what was ordered. */
  const [applicant] = useState(() => basics && applicantFor(basics))
  const [photoUrl] = useState(() => basics && photoUrlFor(basics.photoId))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  /** The order made by the first tap; a second tap after a cancelled payment pays it instead of making another. */
  const created = useRef<CreateOrderResult>()
  /** One per visit to this page: a create retried after a lost answer finds the same order. */
  const requestId = useRef(newRequestId())
  const [orderId, setOrderId] = useState<string>()
  const finding = usePendingOrder(basics, !!applicant)
  if (finding) {
    return (
      <View className='cfm cfm--center' aria-busy='true' data-testid='confirm-finding-order'>
        <Loading type='circular'>{COPY.confirm.findingOrder}</Loading>
      </View>
    )
  }
  if (!basics || !applicant) {
    return (
      <View className='cfm' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.confirm.missingTitle} description={COPY.confirm.missing} />
        <View className='cfm__actions'>
          <Button type='primary' size='xlarge' block onClick={() => replacePage(basics ? applicantUrl(basics) : startUrl())} data-testid='refill'>
            {COPY.confirm.refill}
          </Button>
        </View>
      </View>
    )
  }

  const city = cityByCode(basics.cityCode)
  const amount = formatYuan(priceOf(basics.documentType, basics.cityCode))
  const documentTitle = DOCUMENT_TYPES.find((d) => d.type === basics.documentType)?.title ?? basics.documentType

  /**
   * Subscribe consent first, in the tap itself and before any await (WeChat shows the dialog only then),
   * then the order, then the payment. The server decides the amount.
   */
  const onPay = () => {
    if (busy) return
    const consent = askSubscribe(TEMPLATE_KEYS)
    setBusy(true)
    setError(undefined)
    void (async () => {
      try {
        const subscribed = await consent
        created.current ??= await createOrder(basics, applicant, subscribed, requestId.current)
        const order = created.current
        setOrderId(order.orderId)
        clearDraft()
        const outcome = await pay(order.payment)
        if (outcome === 'paid') replacePage(resultUrl(order.orderId))
      } catch (e) {
        setError(payErrorMessage(e))
        setBusy(false)
      }
    })()
  }

  return (
    <View className='cfm'>
      <View className='cfm__section'>
        <FlowSteps current={4} />
      </View>
      <View className='cfm__section'>
        <Text className='cfm__title'>{COPY.confirm.title}</Text>
      </View>
      <View className='cfm__section cfm__summary'>
        <View className='cfm__photo' data-testid='confirm-photo'>
          {photoUrl ? (
            <Image className='cfm__photo-img' src={photoUrl} mode='aspectFill' />
          ) : (
            <View className='cfm__photo-placeholder'>
              <Text className='cfm__photo-check'>✓</Text>
              <Text className='cfm__photo-note'>{COPY.confirm.photoChecked}</Text>
            </View>
          )}
        </View>
        <View className='cfm__facts'>
          <Text className='cfm__fact-label'>{COPY.confirm.document}</Text>
          <Text className='cfm__fact' data-testid='confirm-document'>
            {documentTitle}
          </Text>
          <Text className='cfm__fact-label'>{COPY.confirm.city}</Text>
          <Text className='cfm__fact' data-testid='confirm-city'>
            {city ? cityLabel(city) : basics.cityCode}
          </Text>
        </View>
      </View>
      <View className='cfm__section'>
        <CellGroup>
          <Cell title={COPY.confirm.name} extra={<Text className='cfm__value'>{applicant.name.trim()}</Text>} />
          <Cell
            title={COPY.confirm.idNumber}
            extra={
              <Text className='cfm__value' data-testid='confirm-id'>
                {maskIdNumber(applicant.idNumber)}
              </Text>
            }
          />
          <Cell title={COPY.confirm.phone} extra={<Text className='cfm__value'>{applicant.profileId ? applicant.phone : maskPhone(applicant.phone)}</Text>} />
          {!orderId && (
            <Cell clickable onClick={() => !busy && openPage(applicantUrl(basics))} title={<Text className='cfm__edit'>{COPY.confirm.edit}</Text>} extra='›' />
          )}
        </CellGroup>
      </View>
      <View className='cfm__section cfm__amount'>
        <View className='cfm__amount-row'>
          <Text className='cfm__amount-label'>{COPY.confirm.amount}</Text>
          <Text className='cfm__amount-value' data-testid='confirm-amount'>
            {amount}
          </Text>
        </View>
        <Text className='cfm__note'>{COPY.confirm.amountNote}</Text>
        <Text className='cfm__note'>· {COPY.common.reviewTime}</Text>
        <Text className='cfm__note cfm__note--strong'>· {COPY.common.freeResubmit}</Text>
      </View>
      <View className='cfm__section cfm__actions'>
        {error && (
          <View className='cfm__error' role='alert' data-testid='pay-error'>
            {error}
          </View>
        )}
        {error && orderId && (
          <Button size='large' block fill='outline' onClick={() => replacePage(detailUrl(orderId))} data-testid='view-order'>
            {COPY.common.viewOrder}
          </Button>
        )}
        <Text className='cfm__hint'>{COPY.confirm.notifyHint}</Text>
        <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={onPay} data-testid='pay-button'>
          {busy ? COPY.confirm.paying : COPY.confirm.pay(amount)}
        </Button>
      </View>
    </View>
  )
}

export default pageRoot(ConfirmPage)
