import { View, Text } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { CheckNormal, Checked, Tips } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { shanghaiDate } from '@/domain/time'
import { ConsentGate } from '@/components/consent-gate'
import { ProfilePicker, currentlyActingFor } from '@/components/profile-picker'
import type { ProfileView } from '@/domain/family/family.schema'
import { EmptyState } from '@/components/status-view'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { COPY } from '../../copy'
import { FlowSteps } from '../../components/flow-steps'
import { PrivacyRules } from '../../components/privacy-rules'
import { applicantErrors, EMPTY_APPLICANT, type ApplicantField } from '../../applicant.form'
import { applicantFor, saveApplicant } from '../../draft'
import { applicantUrl, basicsOf, confirmUrl, startUrl } from '../../routes'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const TESTIDS: Record<ApplicantField, string> = { name: 'applicant-name', idNumber: 'applicant-id', phone: 'applicant-phone' }

function ApplicantPage() {
  const basics = basicsOf(usePageQuery())
  const [saved] = useState(() => basics && applicantFor(basics))
  const form = useForm(() => (saved?.profileId ? undefined : saved) ?? EMPTY_APPLICANT, (values) => applicantErrors(values, shanghaiDate(new Date())))
  /** 为谁办理: a 常用办理人 chosen here, or the one the family page started this order for. */
  const [profile, setProfile] = useState<Pick<ProfileView, 'profileId' | 'name' | 'relationLabel' | 'idNumberMasked' | 'phoneMasked'> | undefined>(() =>
    saved?.profileId
      ? { profileId: saved.profileId, name: saved.name, relationLabel: saved.relationLabel ?? '', idNumberMasked: saved.idNumber, phoneMasked: saved.phone }
      : saved
        ? undefined
        : currentlyActingFor(),
  )
  const [consent, setConsent] = useState(false)
  const [consentError, setConsentError] = useState(false)
  const [rulesOpen, setRulesOpen] = useState(false)

  if (!basics) {
    return (
      <View className='apl' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.applicant.missingTitle} description={COPY.applicant.missing} />
        <View className='apl__actions'>
          <Button type='primary' size='xlarge' block onClick={() => replacePage(startUrl())}>
            {COPY.common.restart}
          </Button>
        </View>
      </View>
    )
  }

  const next = () => {
    form.showAll()
    setConsentError(!consent)
    if ((!profile && Object.keys(form.errors).length > 0) || !consent) return
    const applicant = profile
      ? { name: profile.name, idNumber: profile.idNumberMasked, phone: profile.phoneMasked, profileId: profile.profileId, relationLabel: profile.relationLabel }
      : form.values
    saveApplicant(basics, applicant, new Date().toISOString())
    openPage(confirmUrl(basics))
  }

  const field = (name: ApplicantField, label: string, placeholder: string, props: { type: 'text' | 'idcard' | 'number'; maxLength: number }) => (
    <TextField label={label} placeholder={placeholder} {...form.field(name)} name={name} type={props.type} maxLength={props.maxLength} testId={TESTIDS[name]} />
  )

  return (
    <View className='apl'>
      <View className='apl__section'>
        <FlowSteps current={3} />
      </View>
      <View className='apl__section'>
        <Text className='apl__title'>{COPY.applicant.title}</Text>
        <Text className='apl__intro'>{COPY.applicant.intro}</Text>
      </View>
      <ConsentGate returnTo={applicantUrl(basics)}>
        <View className='apl__section'>
          <ProfilePicker value={profile?.profileId} onChange={setProfile} />
        </View>
        {!profile && (
          <View className='apl__section apl__form'>
            {field('name', COPY.applicant.name, COPY.applicant.namePlaceholder, { type: 'text', maxLength: 30 })}
            {field('idNumber', COPY.applicant.idNumber, COPY.applicant.idNumberPlaceholder, { type: 'idcard', maxLength: 22 })}
            {field('phone', COPY.applicant.phone, COPY.applicant.phonePlaceholder, { type: 'number', maxLength: 16 })}
          </View>
        )}
        <View className={`apl__section apl__consent${consentError && !consent ? ' apl__consent--error' : ''}`}>
          <View className='apl__consent-row'>
            <Checkbox
              className='apl__checkbox'
              checked={consent}
              icon={<CheckNormal size={26} color='#8c8c8c' />}
              activeIcon={<Checked size={26} color='#0958d9' />}
              onChange={(checked) => {
                setConsent(checked)
                if (checked) setConsentError(false)
              }}
              data-testid='consent'
            />
            <Text className='apl__consent-text'>
              <Text className='apl__consent-toggle' onClick={() => setConsent((c) => !c)}>
                {COPY.applicant.consentPrefix}
              </Text>
              <Text className='apl__link' onClick={() => setRulesOpen(true)} data-testid='privacy-rules-link'>
                {COPY.applicant.consentLink}
              </Text>
            </Text>
          </View>
          <Text className='apl__consent-note'>{COPY.applicant.consentNote}</Text>
          {consentError && !consent && (
            <View className='apl__error' role='alert' data-testid='consent-error'>
              {COPY.applicant.needConsent}
            </View>
          )}
        </View>
        <View className='apl__section apl__actions'>
          <Button type='primary' size='xlarge' block onClick={next} data-testid='applicant-next'>
            {COPY.applicant.next}
          </Button>
        </View>
      </ConsentGate>
      <PrivacyRules visible={rulesOpen} onClose={() => setRulesOpen(false)} />
    </View>
  )
}

export default pageRoot(ApplicantPage)
