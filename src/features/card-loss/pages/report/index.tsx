import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Checked, Shield } from '@nutui/icons-react-taro'
import { useState } from 'react'
import * as v from 'valibot'
import { frozenFunctions, type ReportKind } from '@/domain/card-loss/card-functions'
import { NATIONAL_LOSS_DEFAULT, formalOffline, lossPolicyFor } from '@/domain/card-loss/loss.policy'
import { isSourced } from '@/domain/sources/source'
import { ReportLossInput } from '@/domain/card-loss/loss.schema'
import { AppError } from '@/domain/errors'
import { validateIdNumber } from '@/domain/identity/id-number'
import { allProvinces, type City } from '@/domain/region'
import { shanghaiDate } from '@/domain/time'
import { fieldErrors } from '@/domain/validation'
import { CityPicker } from '@/components/city-picker'
import { ConsentGate } from '@/components/consent-gate'
import { openPage, replacePage } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { reportLoss, verifyHolder, type Holder } from '../../api'
import { FunctionList } from '../../components/function-list'
import { TextField } from '../../components/text-field'
import { rememberHolder } from '../../holder'
import { lossDetailUrl, lossHomeUrl, reportUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'

const R = COPY.report

interface Values {
  name: string
  idNumber: string
  cardNumber: string
}
type Field = keyof Values

const Form = v.object({ name: ReportLossInput.entries.holder.entries.name, idNumber: ReportLossInput.entries.holder.entries.idNumber, cardNumber: ReportLossInput.entries.cardNumber })

/** The schema's first message per field, plus a birth date in the future (as of today in Asia/Shanghai). */
function errorsOf(values: Values): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = fieldErrors(Form, values)
  if (!errors.idNumber) {
    const id = validateIdNumber(values.idNumber, shanghaiDate(new Date()))
    if (!id.ok) errors.idNumber = id.reason
  }
  return errors
}

/** A passed check belongs to the name and ID number it was made for: changing either asks again. */
const holderKey = (values: Values) => `${values.name.trim()}|${values.idNumber.trim().toUpperCase()}`

function KindChoice({ kind, value, disabled, onPick }: { kind: ReportKind; value?: ReportKind; disabled?: boolean; onPick: (kind: ReportKind) => void }) {
  const active = value === kind
  return (
    <View
      className={`lx__choice${active ? ' lx__choice--active' : ''}${disabled ? ' lx__choice--disabled' : ''}`}
      onClick={() => !disabled && onPick(kind)}
      role='radio'
      aria-checked={active}
      aria-disabled={disabled}
      data-testid={`loss-kind-${kind}`}
      data-active={active ? 'true' : 'false'}
    >
      <Text className='lx__choice-title'>{kind === 'temporary' ? R.temporary : R.formal}</Text>
      <Text className='lx__choice-hint'>{disabled ? R.formalOffline : kind === 'temporary' ? R.temporaryHint : R.formalHint}</Text>
    </View>
  )
}

/** Exactly what the chosen report stops and what keeps working, and for a temporary one how long it holds. */
function KindPanel({ kind, days, sourced }: { kind: ReportKind; days: number; sourced: boolean }) {
  const { frozen, working } = frozenFunctions(kind)
  return (
    <View className='lx__card lrp__panel' data-testid='loss-kind-panel' data-kind={kind}>
      <FunctionList title={R.willFreeze} functions={frozen} tone='frozen' testId='loss-will-freeze' />
      {working.length > 0 && <FunctionList title={R.stillWorks} functions={working} tone='working' />}
      {kind === 'temporary' ? (
        <>
          <Text className='lx__warn lrp__days' data-testid='loss-temporary-days'>
            {sourced ? R.temporaryDays(days) : R.temporaryDaysReference(days)}
          </Text>
          <Text className='lx__text'>{R.temporaryLapse}</Text>
          <Text className='lx__small'>{R.bankNote}</Text>
        </>
      ) : (
        <Text className='lx__text'>{R.formalNote}</Text>
      )}
    </View>
  )
}

export default function ReportPage() {
  const [city, setCity] = useState<City>()
  const [values, setValues] = useState<Values>({ name: '', idNumber: '', cardNumber: '' })
  const [touched, setTouched] = useState<Partial<Record<Field | 'city' | 'kind', boolean>>>({})
  const [kind, setKind] = useState<ReportKind>()
  const [verified, setVerified] = useState<{ token: string; key: string }>()
  const [verifying, setVerifying] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; already?: boolean }>()

  const policy = city ? lossPolicyFor(city.code) : undefined
  const formalOnline = policy ? !formalOffline(policy.policy) : true
  const errors = errorsOf(values)
  const shown = (field: Field) => (touched[field] ? errors[field] : undefined)
  const set = (field: Field) => (value: string) => setValues((old) => ({ ...old, [field]: value }))
  const leave = (field: Field) => () => setTouched((t) => ({ ...t, [field]: true }))
  const isVerified = !!verified && verified.key === holderKey(values)
  const holder = (): Holder => ({ name: values.name.trim(), idNumber: values.idNumber.trim() })

  const pickCity = (next: City) => {
    setCity(next)
    if (kind === 'formal' && formalOffline(lossPolicyFor(next.code).policy)) setKind(undefined)
  }

  const verify = () => {
    setTouched((t) => ({ ...t, name: true, idNumber: true }))
    if (errors.name || errors.idNumber || verifying) return
    setVerifying(true)
    setError(undefined)
    const key = holderKey(values)
    verifyHolder(holder())
      .then(({ verificationToken }) => setVerified({ token: verificationToken, key }))
      .catch((e: unknown) => setError({ message: messageOf(e) }))
      .finally(() => setVerifying(false))
  }

  const submit = () => {
    setTouched({ name: true, idNumber: true, cardNumber: true, city: true, kind: true })
    if (!city || !kind || errors.name || errors.idNumber || errors.cardNumber || busy) return
    if (kind === 'formal' && !isVerified) return setError({ message: R.needVerify })
    setBusy(true)
    setError(undefined)
    reportLoss({ cityCode: city.code, holder: holder(), cardNumber: values.cardNumber.trim(), kind, ...(kind === 'formal' && verified ? { verificationToken: verified.token } : {}) })
      .then((view) => {
        if (kind === 'temporary') rememberHolder(view.caseId, holder())
        replacePage(lossDetailUrl(view.caseId))
      })
      .catch((e: unknown) => {
        const code = e instanceof AppError ? e.code : undefined
        if (code === 'LOSS_VERIFICATION_FAILED' || code === 'LOSS_VERIFICATION_REQUIRED') setVerified(undefined)
        setError({ message: messageOf(e), already: code === 'LOSS_ALREADY_REPORTED' })
        setBusy(false)
      })
  }

  return (
    <View className='lx'>
      <View className='lx__hero'>
        <Text className='lx__title'>{R.title}</Text>
        <Text className='lx__intro'>{R.intro}</Text>
      </View>

      <ConsentGate returnTo={reportUrl()}>
        <View className='lx__section'>
          <Text className='lx__section-title'>{R.cityTitle}</Text>
          <CityPicker provinces={allProvinces()} city={city} onChange={pickCity} labels={R.cityPicker} />
          <Text className='lx__section-hint'>{R.cityHint}</Text>
          {touched.city && !city && (
            <View className='lx__field-error' role='alert' data-testid='loss-city-error'>
              {R.needCity}
            </View>
          )}
          {policy?.isDefault && <Text className='lx__section-hint lrp__default'>{COPY.common.defaultPolicy}</Text>}
        </View>

        <View className='lx__section'>
          <Text className='lx__section-title'>{R.holderTitle}</Text>
          <TextField label={R.name} placeholder={R.namePlaceholder} value={values.name} onChange={set('name')} onBlur={leave('name')} error={shown('name')} maxLength={30} testId='loss-name' />
          <TextField
            label={R.idNumber}
            placeholder={R.idNumberPlaceholder}
            value={values.idNumber}
            onChange={set('idNumber')}
            onBlur={leave('idNumber')}
            error={shown('idNumber')}
            type='idcard'
            maxLength={22}
            testId='loss-id'
          />
          <TextField
            label={R.cardNumber}
            placeholder={R.cardNumberPlaceholder}
            value={values.cardNumber}
            onChange={set('cardNumber')}
            onBlur={leave('cardNumber')}
            error={shown('cardNumber')}
            maxLength={12}
            testId='loss-card'
          />
          <Text className='lx__section-hint'>{R.privacy}</Text>
        </View>

        <View className='lx__section'>
          <Text className='lx__section-title'>{R.kindTitle}</Text>
          <View className='lx__choices' role='radiogroup'>
            <KindChoice kind='temporary' value={kind} onPick={setKind} />
            <KindChoice kind='formal' value={kind} disabled={!formalOnline} onPick={setKind} />
          </View>
          {touched.kind && !kind && (
            <View className='lx__field-error' role='alert' data-testid='loss-kind-error'>
              {R.needKind}
            </View>
          )}
          {kind && (
            <View className='lrp__panel-wrap'>
              <KindPanel kind={kind} days={(policy?.policy ?? NATIONAL_LOSS_DEFAULT).temporaryDays} sourced={isSourced((policy?.policy ?? NATIONAL_LOSS_DEFAULT).evidence.temporaryDays)} />
            </View>
          )}
        </View>

        {kind === 'formal' && (
          <View className='lx__section'>
            <View className='lx__card' data-testid='loss-verification' data-verified={isVerified ? 'true' : 'false'}>
              <Text className='lx__card-title'>{R.verifyTitle}</Text>
              <Text className='lx__text'>{R.verifyHint}</Text>
              <Text className='lx__small'>{COPY.common.simulated}</Text>
              {isVerified ? (
                <>
                  <View className='lx__ok lrp__verified' data-testid='loss-verified'>
                    <Checked size={20} color='#389e0d' /> {R.verified}
                  </View>
                  <Text className='lx__small'>{R.verifiedNote}</Text>
                </>
              ) : (
                <Button type='primary' fill='outline' size='xlarge' block icon={<Shield size={20} />} loading={verifying} disabled={verifying} onClick={verify} data-testid='loss-verify'>
                  {verifying ? R.verifying : R.verify}
                </Button>
              )}
            </View>
          </View>
        )}

        <View className='lx__section lx__actions'>
          {error && (
            <View className='lx__error lrp__error' role='alert' data-testid='loss-error'>
              {error.message}
              {error.already && (
                <Text className='lrp__link' onClick={() => openPage(lossHomeUrl())}>
                  {' '}
                  {COPY.common.toList} ›
                </Text>
              )}
            </View>
          )}
          <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={submit} data-testid='loss-submit'>
            {busy ? R.submitting : R.submit}
          </Button>
        </View>
      </ConsentGate>
    </View>
  )
}
