import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Checked, Photograph, Tips } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { MailAddress } from '@/domain/card-loss/loss.schema'
import type { LossView, ReceiptChoice } from '@/domain/card-loss/loss.view'
import { AppError } from '@/domain/errors'
import { formatYuan } from '@/domain/order/prices'
import { allProvinces, cityByCode, type City } from '@/domain/region'
import { formatInstant } from '@/domain/time'
import { fieldErrors } from '@/domain/validation'
import { CityPicker } from '@/components/city-picker'
import { EmptyState, RemoteView } from '@/components/status-view'
import { TextField } from '@/components/text-field'
import { idPhotoUrl } from '@/routes'
import { useRemote } from '@/hooks/use-remote'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { getLoss, receiptChoice, requestReissue, type Delivery } from '../../api'
import { isLossCaseId, lossDetailUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'

const R = COPY.reissue

type Method = Delivery['method']
interface Address {
  name: string
  phone: string
  detail: string
}
type AddressField = keyof Address | 'cityCode'

function Fee({ view }: { view: LossView }) {
  return (
    <View className='lx__card' data-testid='reissue-fee'>
      <Text className='lx__card-title'>{R.feeTitle}</Text>
      <Text className='lrs__fee'>{view.policy.feeLabel}</Text>
      <Text className='lx__small'>{view.policy.unverified.includes('makeDays') ? R.makeDaysUnknown : R.makeDays(view.policy.makeDays)}</Text>
    </View>
  )
}

function Receipts({ choice, selected, onPick, cityCode, cityName }: { choice: ReceiptChoice; selected?: string; onPick: (orderId: string) => void; cityCode: string; cityName: string }) {
  return (
    <View className='lx__section'>
      <Text className='lx__section-title'>{R.receiptTitle}</Text>
      {choice.usable.length === 0 ? (
        <View className='lx__card' data-testid='reissue-no-receipt'>
          <EmptyState image={<Photograph size={64} color='#bfbfbf' />} title={R.noReceiptTitle} description={R.noReceipt(cityName)} />
          <Button
            type='primary'
            size='xlarge'
            block
            icon={<Photograph size={22} />}
            onClick={() => openPage(idPhotoUrl({ documentType: 'social-security-card', cityCode }))}
            data-testid='reissue-order-receipt'
          >
            {R.orderReceipt}
          </Button>
        </View>
      ) : (
        <>
          <Text className='lx__section-hint lrs__hint'>{R.receiptHint}</Text>
          <View className='lrs__receipts' role='radiogroup'>
            {choice.usable.map((r) => {
              const active = r.orderId === selected
              return (
                <View
                  key={r.orderId}
                  className={`lrs__receipt${active ? ' lrs__receipt--active' : ''}`}
                  onClick={() => onPick(r.orderId)}
                  role='radio'
                  aria-checked={active}
                  data-testid='reissue-receipt'
                  data-order-id={r.orderId}
                  data-selected={active ? 'true' : 'false'}
                >
                  <View className='lrs__receipt-main'>
                    <Text className='lx__label'>{R.receiptNumber}</Text>
                    <Text className='lrs__receipt-number'>{r.receiptNumber}</Text>
                    <Text className='lrs__receipt-meta'>
                      {r.cityName} ·{' '}
                      {r.daysLeft === null ? R.referenceExpiry(formatInstant(r.expiresAt).slice(0, 10)) : `${R.daysLeft(r.daysLeft)}（${formatInstant(r.expiresAt).slice(0, 10)}）`}
                    </Text>
                  </View>
                  {active ? <Checked size={28} color='#1677ff' /> : <View className='lrs__radio' />}
                </View>
              )
            })}
          </View>
        </>
      )}
      {choice.unusable.length > 0 && (
        <View className='lrs__unusable' data-testid='reissue-unusable'>
          <Text className='lrs__unusable-title'>{R.unusableTitle}</Text>
          {choice.unusable.map((r) => (
            <View key={r.orderId} className='lrs__receipt lrs__receipt--off' data-testid='reissue-receipt-unusable' data-order-id={r.orderId}>
              <View className='lrs__receipt-main'>
                <Text className='lrs__receipt-number'>{r.receiptNumber ?? r.orderId}</Text>
                <Text className='lrs__receipt-meta'>{r.why}</Text>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function DeliveryChoice({ method, value, title, hint, onPick }: { method: Method; value?: Method; title: string; hint: string; onPick: (m: Method) => void }) {
  const active = value === method
  return (
    <View className={`lx__choice${active ? ' lx__choice--active' : ''}`} onClick={() => onPick(method)} role='radio' aria-checked={active} data-testid={`reissue-${method}`} data-active={active ? 'true' : 'false'}>
      <Text className='lx__choice-title'>{title}</Text>
      <Text className='lx__choice-hint'>{hint}</Text>
    </View>
  )
}

/** The form, for a case that may apply now in a region that reissues online. */
function ReissueForm({ view, choice, onReceiptProblem }: { view: LossView; choice: ReceiptChoice; onReceiptProblem: () => void }) {
  const mailable = view.policy.delivery.includes('mail')
  const [picked, setPicked] = useState<string>()
  const [method, setMethod] = useState<Method | undefined>(mailable ? undefined : 'pickup')
  const [address, setAddress] = useState<Address>({ name: '', phone: '', detail: '' })
  const [addressCity, setAddressCity] = useState<City | undefined>(() => cityByCode(view.cityCode))
  const [touched, setTouched] = useState<Partial<Record<AddressField | 'receipt' | 'method', boolean>>>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const usable = choice.usable
  const selected = picked && usable.some((r) => r.orderId === picked) ? picked : usable.length === 1 ? usable[0].orderId : undefined
  const addressErrors: Partial<Record<AddressField, string>> = fieldErrors(MailAddress, { ...address, cityCode: addressCity?.code })
  const shown = (field: AddressField) => (touched[field] ? addressErrors[field] : undefined)
  const set = (field: keyof Address) => (value: string) => setAddress((a) => ({ ...a, [field]: value }))
  const leave = (field: AddressField) => () => setTouched((t) => ({ ...t, [field]: true }))
  const mailFee = view.policy.mailFeeFen ? R.mailFee(formatYuan(view.policy.mailFeeFen)) : R.mailFree

  const submit = () => {
    setTouched({ receipt: true, method: true, name: true, phone: true, detail: true, cityCode: true })
    if (!selected || !method || busy) return
    if (method === 'mail' && Object.keys(addressErrors).length > 0) return
    const delivery: Delivery =
      method === 'mail' && addressCity ? { method: 'mail', address: { name: address.name.trim(), phone: address.phone.trim(), cityCode: addressCity.code, detail: address.detail.trim() } } : { method: 'pickup' }
    setBusy(true)
    setError(undefined)
    requestReissue(view.caseId, selected, delivery)
      .then((next) => replacePage(lossDetailUrl(next.caseId)))
      .catch((e: unknown) => {
        setError(messageOf(e))
        setBusy(false)
        if (e instanceof AppError && e.code.startsWith('RECEIPT_')) {
          setPicked(undefined)
          onReceiptProblem()
        }
      })
  }

  return (
    <>
      <Receipts choice={choice} selected={selected} onPick={setPicked} cityCode={view.cityCode} cityName={view.cityName} />
      {touched.receipt && !selected && usable.length > 0 && (
        <View className='lx__section'>
          <View className='lx__field-error' role='alert'>
            {R.needReceipt}
          </View>
        </View>
      )}
      {usable.length > 0 && (
        <>
          <View className='lx__section'>
            <Text className='lx__section-title'>{R.deliveryTitle}</Text>
            <View className={mailable ? 'lx__choices' : 'lrs__single'} role='radiogroup'>
              <DeliveryChoice method='pickup' value={method} title={R.pickup} hint={R.pickupHint} onPick={setMethod} />
              {mailable && <DeliveryChoice method='mail' value={method} title={R.mail} hint={mailFee} onPick={setMethod} />}
            </View>
            {touched.method && !method && (
              <View className='lx__field-error' role='alert'>
                {R.needDelivery}
              </View>
            )}
          </View>
          {method === 'mail' && (
            <View className='lx__section' data-testid='reissue-address'>
              <Text className='lx__section-title'>{R.addressTitle}</Text>
              <TextField label={R.addressName} placeholder={R.addressNamePlaceholder} value={address.name} onChange={set('name')} onBlur={leave('name')} error={shown('name')} maxLength={30} testId='reissue-address-name' />
              <TextField
                label={R.addressPhone}
                placeholder={R.addressPhonePlaceholder}
                value={address.phone}
                onChange={set('phone')}
                onBlur={leave('phone')}
                error={shown('phone')}
                type='number'
                maxLength={16}
                testId='reissue-address-phone'
              />
              <View className='lrs__city'>
                <CityPicker provinces={allProvinces()} city={addressCity} onChange={setAddressCity} labels={R.addressCity} />
                {shown('cityCode') && <View className='lx__field-error'>{shown('cityCode')}</View>}
              </View>
              <TextField
                label={R.addressDetail}
                placeholder={R.addressDetailPlaceholder}
                value={address.detail}
                onChange={set('detail')}
                onBlur={leave('detail')}
                error={shown('detail')}
                maxLength={80}
                testId='reissue-address-detail'
              />
            </View>
          )}
          <View className='lx__section lx__actions'>
            {error && (
              <View className='lx__error lrs__error' role='alert' data-testid='reissue-error'>
                {error}
              </View>
            )}
            <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={submit} data-testid='reissue-submit'>
              {busy ? R.submitting : R.submit}
            </Button>
          </View>
        </>
      )}
    </>
  )
}

function BackToDetail({ caseId }: { caseId: string }) {
  return (
    <Button size='xlarge' block fill='outline' onClick={() => replacePage(lossDetailUrl(caseId))} data-testid='reissue-back'>
      {COPY.common.backToDetail}
    </Button>
  )
}

/** Not here: a region that reissues only at a counter, or a case that cannot apply in its state. */
function CannotApply({ view }: { view: LossView }) {
  const offline = !view.policy.reissueOnline
  return (
    <View className='lx__section'>
      <View className='lx__card' data-testid={offline ? 'reissue-offline' : 'reissue-not-now'}>
        <Text className='lx__card-title'>{offline ? R.offlineTitle : R.notNow}</Text>
        <Text className='lx__warn'>{offline ? (view.policy.reissueOfflineNote ?? R.offlineTitle) : `${view.statusLabel}${view.status === 'reported_temporary' ? `：${COPY.detail.needFormal}` : ''}`}</Text>
        <BackToDetail caseId={view.caseId} />
      </View>
    </View>
  )
}

/** 补办社保卡: the fee up front, a receipt of the same city (or the way to get one), pick-up or mail, then apply. */
export default function ReissuePage() {
  const { caseId: raw } = usePageQuery()
  const caseId = isLossCaseId(raw) ? raw : undefined
  /** Back from ordering a receipt: it may be approved by now. */
  const remote = useRemote(() => (caseId ? Promise.all([getLoss(caseId), receiptChoice(caseId)]) : Promise.reject(new Error('no case'))), [caseId], { reloadOnShow: true })

  if (!caseId) {
    return (
      <View className='lx' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.common.loadFailed} description={COPY.common.missingCase} />
      </View>
    )
  }
  const [view, choice] = remote.data ?? []
  return (
    <View className='lx'>
      <View className='lx__hero'>
        <Text className='lx__title'>{R.title}</Text>
        {view && <Text className='lx__intro'>{`${view.cityName} · ${view.holderName}`}</Text>}
      </View>
      <RemoteView remote={remote}>
        {view && choice && (
          <>
            <View className='lx__section'>
              <Fee view={view} />
            </View>
            {view.policy.reissueOnline && view.canReissue ? <ReissueForm view={view} choice={choice} onReceiptProblem={remote.reload} /> : <CannotApply view={view} />}
          </>
        )}
      </RemoteView>
    </View>
  )
}
