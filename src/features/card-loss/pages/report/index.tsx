import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Checked, Shield } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { frozenFunctions, type ReportKind } from '@/domain/card-loss/card-functions'
import { NATIONAL_LOSS_DEFAULT, formalOffline, lossPolicyFor, type LossPolicy } from '@/domain/card-loss/card-loss.policy'
import { isSourced } from '@/domain/sources/source'
import { AppError } from '@/domain/errors'
import { allProvinces, type City } from '@/domain/region'
import { shanghaiDate } from '@/domain/time'
import { CityPicker } from '@/components/city-picker'
import { ConsentGate } from '@/components/consent-gate'
import { TextField } from '@/components/text-field'
import { useAction } from '@/hooks/use-action'
import { useForm } from '@/hooks/use-form'
import { openPage, replacePage } from '@/platform/navigation'
import { COPY } from '../../copy'
import { BankWarning } from '../../components/bank-warning'
import { CounterGuideCard } from '../../components/counter-guide'
import { counterGuideFor } from '@/domain/card-loss/counter-guide'
import { reportLoss, verifyHolder } from '../../api'
import { FunctionList } from '../../components/function-list'
import { rememberHolder } from '../../holder'
import { EMPTY_REPORT, VERIFICATION_CODES, canVerify, holderKey, holderOf, reportBlock, reportErrors } from '../../report.form'
import { lossDetailUrl, lossHomeUrl, reportUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'
import { ProfilePicker } from '@/components/profile-picker'
import { ACTING_FOR } from '@/domain/family/acting-for'
import type { ProfileView } from '@/domain/family/family.schema'

const R = COPY.report

function KindChoice({ kind, value, disabled, disabledHint = R.formalOffline, onPick }: { kind: ReportKind; value?: ReportKind; disabled?: boolean; disabledHint?: string; onPick: (kind: ReportKind) => void }) {
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
      <Text className='lx__choice-hint'>{disabled ? disabledHint : kind === 'temporary' ? R.temporaryHint : R.formalHint}</Text>
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
          <BankWarning />
        </>
      ) : (
        <Text className='lx__text'>{R.formalNote}</Text>
      )}
    </View>
  )
}

function CitySection({ city, onPick, missing, isDefault }: { city?: City; onPick: (city: City) => void; missing: boolean; isDefault: boolean }) {
  return (
    <View className='lx__section'>
      <Text className='lx__section-title'>{R.cityTitle}</Text>
      <CityPicker provinces={allProvinces()} city={city} onChange={onPick} labels={R.cityPicker} />
      <Text className='lx__section-hint'>{R.cityHint}</Text>
      {missing && (
        <View className='lx__field-error' role='alert' data-testid='loss-city-error'>
          {R.needCity}
        </View>
      )}
      {isDefault && <Text className='lx__section-hint lrp__default'>{COPY.common.defaultPolicy}</Text>}
    </View>
  )
}

function KindSection({ kind, onPick, formalOnline, forProfile, missing, policy }: { kind?: ReportKind; onPick: (kind: ReportKind) => void; formalOnline: boolean; forProfile: boolean; missing: boolean; policy: LossPolicy }) {
  return (
    <View className='lx__section'>
      <Text className='lx__section-title'>{R.kindTitle}</Text>
      <View className='lx__choices' role='radiogroup'>
        <KindChoice kind='temporary' value={kind} onPick={onPick} />
        <KindChoice kind='formal' value={kind} disabled={!formalOnline || forProfile} disabledHint={forProfile ? R.formalForProfile : R.formalOffline} onPick={onPick} />
      </View>
      {!formalOnline && <CounterGuideCard guide={counterGuideFor(policy.id)} title={COPY.counter.formalTitle} />}
      {missing && (
        <View className='lx__field-error' role='alert' data-testid='loss-kind-error'>
          {R.needKind}
        </View>
      )}
      {kind && (
        <View className='lrp__panel-wrap'>
          <KindPanel kind={kind} days={policy.temporaryDays} sourced={isSourced(policy.evidence.temporaryDays)} />
        </View>
      )}
    </View>
  )
}

/** The identity check a formal report needs (simulated locally; WeChat 实名核身 in production). */
function Verification({ verified, busy, onVerify }: { verified: boolean; busy: boolean; onVerify: () => void }) {
  return (
    <View className='lx__section'>
      <View className='lx__card' data-testid='loss-verification' data-verified={verified ? 'true' : 'false'}>
        <Text className='lx__card-title'>{R.verifyTitle}</Text>
        <Text className='lx__text'>{R.verifyHint}</Text>
        <Text className='lx__small'>{COPY.common.simulated}</Text>
        {verified ? (
          <>
            <View className='lx__ok lrp__verified' data-testid='loss-verified'>
              <Checked size={20} color='#389e0d' /> {R.verified}
            </View>
            <Text className='lx__small'>{R.verifiedNote}</Text>
          </>
        ) : (
          <Button type='primary' fill='outline' size='xlarge' block icon={<Shield size={20} />} loading={busy} disabled={busy} onClick={onVerify} data-testid='loss-verify'>
            {busy ? R.verifying : R.verify}
          </Button>
        )}
      </View>
    </View>
  )
}

/** The failure, and for a card already reported the way to the list that holds it. */
function ReportError({ message, already }: { message: string; already: boolean }) {
  return (
    <View className='lx__error lrp__error' role='alert' data-testid='loss-error'>
      {message}
      {already && (
        <Text className='lrp__link' onClick={() => openPage(lossHomeUrl())}>
          {' '}
          {COPY.common.toList} ›
        </Text>
      )}
    </View>
  )
}

function ReportPage() {
  const [city, setCity] = useState<City>()
  const form = useForm(EMPTY_REPORT, (values) => reportErrors(values, shanghaiDate(new Date())))
  const [kind, setKind] = useState<ReportKind>()
  const [verified, setVerified] = useState<{ token: string; key: string }>()
  const [already, setAlready] = useState(false)
  /** 为谁办理: one of the user's 常用办理人, whose card may be reported temporarily (ACTING_FOR, with its source). */
  const [profile, setProfile] = useState<ProfileView>()
  const pickProfile = (next: ProfileView | undefined) => {
    setProfile(next)
    if (next && kind === 'formal') setKind(undefined)
  }
  /** For a profile only the card number is typed: the holder is filled on the server. */
  const errors = profile ? (form.errors.cardNumber ? { cardNumber: form.errors.cardNumber } : {}) : form.errors

  const policy = city ? lossPolicyFor(city.code) : undefined
  const formalOnline = policy ? !formalOffline(policy.policy) : true
  const isVerified = !!verified && verified.key === holderKey(form.values)

  const pickCity = (next: City) => {
    setCity(next)
    if (kind === 'formal' && formalOffline(lossPolicyFor(next.code).policy)) setKind(undefined)
  }

  const verification = useAction(async () => {
    const key = holderKey(form.values)
    const { verificationToken } = await verifyHolder(holderOf(form.values))
    setVerified({ token: verificationToken, key })
  })
  const report = useAction(
    async (cityCode: string, reportKind: ReportKind) => {
      if (profile) {
        const view = await reportLoss({ cityCode, profileId: profile.profileId, cardNumber: form.values.cardNumber.trim(), kind: reportKind })
        return replacePage(lossDetailUrl(view.caseId))
      }
      const holder = holderOf(form.values)
      const token = reportKind === 'formal' && verified ? { verificationToken: verified.token } : {}
      const view = await reportLoss({ cityCode, holder, cardNumber: form.values.cardNumber.trim(), kind: reportKind, ...token })
      if (reportKind === 'temporary') rememberHolder(view.caseId, holder)
      replacePage(lossDetailUrl(view.caseId))
    },
    {
      holdOnSuccess: true,
      onError: (e) => {
        const code = e instanceof AppError ? e.code : undefined
        if (code && VERIFICATION_CODES.includes(code)) setVerified(undefined)
        setAlready(code === 'LOSS_ALREADY_REPORTED')
      },
    },
  )
  const error = report.error ?? verification.error

  const verify = () => {
    form.leave('name')()
    form.leave('idNumber')()
    if (!canVerify(form.errors)) return
    report.setError(undefined)
    void verification.run()
  }

  const submit = () => {
    form.showAll()
    const block = reportBlock({ cityCode: city?.code, kind, errors, verifiedFor: isVerified ? verified?.key : undefined, values: form.values })
    if (block === 'verify') return report.setError(R.needVerify)
    if (block || !city || !kind || report.busy) return
    verification.setError(undefined)
    setAlready(false)
    void report.run(city.code, kind)
  }

  return (
    <View className='lx'>
      <View className='lx__hero'>
        <Text className='lx__title'>{R.title}</Text>
        <Text className='lx__intro'>{R.intro}</Text>
      </View>

      <ConsentGate returnTo={reportUrl()}>
        <CitySection city={city} onPick={pickCity} missing={form.submitted && !city} isDefault={!!policy?.isDefault} />

        <View className='lx__section'>
          <Text className='lx__section-title'>{R.holderTitle}</Text>
          <ProfilePicker value={profile?.profileId} onChange={pickProfile} />
          {profile ? (
            <Text className='lx__section-hint' data-testid='loss-profile-note'>
              {ACTING_FOR.card_loss_temporary.note}
            </Text>
          ) : (
            <>
              <TextField label={R.name} placeholder={R.namePlaceholder} {...form.field('name')} maxLength={30} testId='loss-name' />
              <TextField label={R.idNumber} placeholder={R.idNumberPlaceholder} {...form.field('idNumber')} type='idcard' maxLength={22} testId='loss-id' />
            </>
          )}
          <TextField label={R.cardNumber} placeholder={R.cardNumberPlaceholder} {...form.field('cardNumber')} maxLength={12} testId='loss-card' />
          <Text className='lx__section-hint'>{R.privacy}</Text>
        </View>

        <KindSection kind={kind} onPick={setKind} formalOnline={formalOnline} forProfile={!!profile} missing={form.submitted && !kind} policy={policy?.policy ?? NATIONAL_LOSS_DEFAULT} />

        {kind === 'formal' && <Verification verified={isVerified} busy={verification.busy} onVerify={verify} />}

        <View className='lx__section lx__actions'>
          {error && <ReportError message={error} already={already && !!report.error} />}
          <Button type='primary' size='xlarge' block loading={report.busy} disabled={report.busy} onClick={submit} data-testid='loss-submit'>
            {report.busy ? R.submitting : R.submit}
          </Button>
        </View>
      </ConsentGate>
    </View>
  )
}

export default pageRoot(ReportPage)
