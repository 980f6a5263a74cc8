import { View, Text } from '@tarojs/components'
import { Button, Checkbox, Input } from '@nutui/nutui-react-taro'
import { CheckNormal, Checked, Tips } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { validateIdNumber } from '@/domain/identity/id-number'
import { Applicant } from '@/domain/order/order.schema'
import { shanghaiDate } from '@/domain/time'
import { fieldErrors } from '@/domain/validation'
import { ConsentGate } from '@/components/consent-gate'
import { EmptyState } from '@/components/status-view'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { COPY } from '../../copy'
import { FlowSteps } from '../../components/flow-steps'
import { PrivacyRules } from '../../components/privacy-rules'
import { applicantFor, saveApplicant, type ApplicantInput } from '../../draft'
import { applicantUrl, basicsOf, confirmUrl, startUrl } from '../../routes'
import './index.scss'

type Field = keyof ApplicantInput
const FIELDS: readonly Field[] = ['name', 'idNumber', 'phone']

/**
 * The domain schema's first message per field, plus the one rule the schema leaves to callers with a clock:
 * a birth date in the future (as of today in Asia/Shanghai).
 */
function errorsOf(values: ApplicantInput): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = fieldErrors(Applicant, values)
  if (!errors.idNumber) {
    const id = validateIdNumber(values.idNumber, shanghaiDate(new Date()))
    if (!id.ok) errors.idNumber = id.reason
  }
  return errors
}

const TESTIDS: Record<Field, string> = { name: 'applicant-name', idNumber: 'applicant-id', phone: 'applicant-phone' }

export default function ApplicantPage() {
  const basics = basicsOf(usePageQuery())
  const [values, setValues] = useState<ApplicantInput>(() => (basics && applicantFor(basics)) ?? { name: '', idNumber: '', phone: '' })
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
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

  const errors = errorsOf(values)
  const shown = (field: Field) => (touched[field] ? errors[field] : undefined)
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }))
  const leave = (field: Field) => () => setTouched((t) => ({ ...t, [field]: true }))

  const next = () => {
    setTouched({ name: true, idNumber: true, phone: true })
    setConsentError(!consent)
    if (FIELDS.some((f) => errors[f]) || !consent) return
    saveApplicant(basics, values, new Date().toISOString())
    openPage(confirmUrl(basics))
  }

  const field = (name: Field, label: string, placeholder: string, props: { type: 'text' | 'idcard' | 'number'; maxLength: number }) => (
    <View className={`apl__field${shown(name) ? ' apl__field--error' : ''}`}>
      <Text className='apl__label'>{label}</Text>
      <Input
        className='apl__input'
        name={name}
        type={props.type}
        maxLength={props.maxLength}
        placeholder={placeholder}
        value={values[name]}
        clearable
        onChange={set(name)}
        onBlur={leave(name)}
        data-testid={TESTIDS[name]}
      />
      {shown(name) && (
        <View className='apl__error' role='alert' data-testid={`${TESTIDS[name]}-error`}>
          {shown(name)}
        </View>
      )}
    </View>
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
        <View className='apl__section apl__form'>
          {field('name', COPY.applicant.name, COPY.applicant.namePlaceholder, { type: 'text', maxLength: 30 })}
          {field('idNumber', COPY.applicant.idNumber, COPY.applicant.idNumberPlaceholder, { type: 'idcard', maxLength: 22 })}
          {field('phone', COPY.applicant.phone, COPY.applicant.phonePlaceholder, { type: 'number', maxLength: 16 })}
        </View>
        <View className={`apl__section apl__consent${consentError && !consent ? ' apl__consent--error' : ''}`}>
          <View className='apl__consent-row'>
            <Checkbox
              className='apl__checkbox'
              checked={consent}
              icon={<CheckNormal size={26} color='#8c8c8c' />}
              activeIcon={<Checked size={26} color='#1677ff' />}
              onChange={(checked) => {
                setConsent(checked)
                if (checked) setConsentError(false)
              }}
              data-testid='consent'
            />
            <Text className='apl__consent-text'>
              <Text onClick={() => setConsent((c) => !c)}>{COPY.applicant.consentPrefix}</Text>
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
