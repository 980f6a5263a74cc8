import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Checked, Photograph, Tips } from '@nutui/icons-react-taro'
import { useState } from 'react'
import type { LossView, ReceiptChoice } from '@/domain/card-loss/card-loss.view'
import { AppError } from '@/domain/errors'
import { formatYuan } from '@/domain/order/prices'
import { allProvinces, cityByCode, type City } from '@/domain/region'
import { formatInstant } from '@/domain/time'
import { CityPicker } from '@/components/city-picker'
import { EmptyState, RemoteView } from '@/components/status-view'
import { TextField } from '@/components/text-field'
import { useForm, type FormState } from '@/hooks/use-form'
import { useAction } from '@/hooks/use-action'
import { useRemote } from '@/hooks/use-remote'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { idPhotoUrl } from '@/routes'
import { COPY } from '../../copy'
import { lossPolicyFor } from '@/domain/card-loss/card-loss.policy'
import { CounterGuideCard } from '../../components/counter-guide'
import { counterGuideFor } from '@/domain/card-loss/counter-guide'
import { getLoss, receiptChoice, requestReissue, type Delivery } from '../../api'
import { EMPTY_ADDRESS, addressErrors, deliveryOf, isReceiptProblem, reissueBlock, selectedReceipt, type AddressValues, type Method } from '../../reissue.form'
import { isLossCaseId, lossDetailUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const R = COPY.reissue

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
                  {active ? <Checked size={28} color='#0958d9' /> : <View className='lrs__radio' />}
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
/** Where the new card is mailed: the name and phone of who receives it, the city, the street address. */
function MailAddressFields({ form, city, onCity, cityError }: { form: FormState<AddressValues>; city?: City; onCity: (city: City) => void; cityError?: string }) {
  return (
    <View className='lx__section' data-testid='reissue-address'>
      <Text className='lx__section-title'>{R.addressTitle}</Text>
      <TextField label={R.addressName} placeholder={R.addressNamePlaceholder} {...form.field('name')} maxLength={30} testId='reissue-address-name' />
      <TextField label={R.addressPhone} placeholder={R.addressPhonePlaceholder} {...form.field('phone')} type='number' maxLength={16} testId='reissue-address-phone' />
      <View className='lrs__city'>
        <CityPicker provinces={allProvinces()} city={city} onChange={onCity} labels={R.addressCity} />
        {cityError && <View className='lx__field-error'>{cityError}</View>}
      </View>
      <TextField label={R.addressDetail} placeholder={R.addressDetailPlaceholder} {...form.field('detail')} maxLength={80} testId='reissue-address-detail' />
    </View>
  )
}

function ReissueForm({ view, choice, onReceiptProblem }: { view: LossView; choice: ReceiptChoice; onReceiptProblem: () => void }) {
  const mailable = view.policy.delivery.includes('mail')
  const [picked, setPicked] = useState<string>()
  const [method, setMethod] = useState<Method | undefined>(mailable ? undefined : 'pickup')
  const [addressCity, setAddressCity] = useState<City | undefined>(() => cityByCode(view.cityCode))
  const address = useForm(EMPTY_ADDRESS, (values) => addressErrors(values, addressCity?.code))
  const usable = choice.usable
  const selected = selectedReceipt(picked, usable)
  /** The city is part of the address check; it is shown once a submit was tried. */
  const errors = addressErrors(address.values, addressCity?.code)
  const cityError = address.submitted ? errors.cityCode : undefined
  const mailFee = view.policy.mailFeeFen ? R.mailFee(formatYuan(view.policy.mailFeeFen)) : R.mailFree
  const reissue = useAction(
    async (orderId: string, delivery: Delivery) => {
      const next = await requestReissue(view.caseId, orderId, delivery)
      replacePage(lossDetailUrl(next.caseId))
    },
    {
      holdOnSuccess: true,
      onError: (e) => {
        if (!isReceiptProblem(e instanceof AppError ? e.code : undefined)) return
        setPicked(undefined)
        onReceiptProblem()
      },
    },
  )

  const submit = () => {
    address.showAll()
    if (!selected || !method || reissueBlock({ receipt: selected, method, addressErrors: errors }) || reissue.busy) return
    void reissue.run(selected, deliveryOf(method, address.values, addressCity?.code))
  }

  return (
    <>
      <Receipts choice={choice} selected={selected} onPick={setPicked} cityCode={view.cityCode} cityName={view.cityName} />
      {address.submitted && !selected && usable.length > 0 && (
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
            {address.submitted && !method && (
              <View className='lx__field-error' role='alert'>
                {R.needDelivery}
              </View>
            )}
          </View>
          {method === 'mail' && <MailAddressFields form={address} city={addressCity} onCity={setAddressCity} cityError={cityError} />}
          <View className='lx__section lx__actions'>
            {reissue.error && (
              <View className='lx__error lrs__error' role='alert' data-testid='reissue-error'>
                {reissue.error}
              </View>
            )}
            <Button type='primary' size='xlarge' block loading={reissue.busy} disabled={reissue.busy} onClick={submit} data-testid='reissue-submit'>
              {reissue.busy ? R.submitting : R.submit}
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
        {offline && <CounterGuideCard guide={counterGuideFor(lossPolicyFor(view.cityCode).policy.id)} title={COPY.counter.reissueTitle} />}
        <BackToDetail caseId={view.caseId} />
      </View>
    </View>
  )
}

/** 补办社保卡: the fee up front, a receipt of the same city (or the way to get one), pick-up or mail, then apply. */
function ReissuePage() {
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

export default pageRoot(ReissuePage)
