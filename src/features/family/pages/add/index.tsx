import { View, Text } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { CheckNormal, Checked } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { AppError } from '@/domain/errors'
import { CONSENT_BY, CONSENT_BY_LABELS, RELATIONS, RELATION_LABELS, type ConsentBy, type Relation } from '@/domain/family/family.schema'
import { shanghaiDate } from '@/domain/time'
import { ConsentGate } from '@/components/consent-gate'
import { TextField } from '@/components/text-field'
import { pageRoot } from '@/components/page-root'
import { useAction } from '@/hooks/use-action'
import { useForm } from '@/hooks/use-form'
import { replacePage } from '@/platform/navigation'
import { COPY } from '../../copy'
import { addProfile } from '../../api'
import { EMPTY_PROFILE, profileErrors, profileInput, type ProfileField } from '../../profile.form'
import { addUrl, listUrl } from '../../routes'
import '../index/index.scss'
import './index.scss'

const A = COPY.add

function Chips<T extends string>({ options, labels, value, onChange, testId }: { options: readonly T[]; labels: Record<T, string>; value: T; onChange: (v: T) => void; testId: string }) {
  return (
    <View className='family-add__chips'>
      {options.map((o) => (
        <View key={o} className={`family-add__chip${o === value ? ' family-add__chip--on' : ''}`} onClick={() => onChange(o)} data-testid={`${testId}-${o}`}>
          {labels[o]}
        </View>
      ))}
    </View>
  )
}

/** 添加常用办理人: the person, the relation, and the consent (whose, under which version), recorded on the server. */
function AddProfilePage() {
  const [relation, setRelation] = useState<Relation>('child')
  const [by, setBy] = useState<ConsentBy>('guardian')
  const [agreed, setAgreed] = useState(false)
  const form = useForm(EMPTY_PROFILE, (values) => {
    const { consent: _consent, ...fields } = profileErrors(values, relation, by, agreed, shanghaiDate(new Date()))
    return fields
  })
  const consentError = profileErrors(form.values, relation, by, agreed, shanghaiDate(new Date())).consent
  const saving = useAction(
    async () => {
      await addProfile(profileInput(form.values, relation, by, agreed))
      replacePage(listUrl())
    },
    {
      holdOnSuccess: true,
      onError: (e) => {
        if (e instanceof AppError && e.details) form.setServerErrors(Object.fromEntries(e.details.map((d) => [d.path, d.message])))
      },
    },
  )
  const save = () => {
    form.showAll()
    if (Object.keys(form.errors).length > 0 || consentError) return
    void saving.run()
  }
  const field = (name: ProfileField, label: string, placeholder: string, type: 'text' | 'idcard' | 'number', maxLength: number, hint?: string) => (
    <TextField label={label} placeholder={placeholder} {...form.field(name)} hint={hint} name={name} type={type} maxLength={maxLength} testId={`profile-${name}`} />
  )

  return (
    <View className='family family-add'>
      <ConsentGate returnTo={addUrl()}>
        <View className='family__card'>
          <Text className='family-add__label'>{A.relation}</Text>
          <Chips options={RELATIONS} labels={RELATION_LABELS} value={relation} onChange={setRelation} testId='profile-relation' />
          {field('name', A.name, A.namePlaceholder, 'text', 30)}
          {field('idNumber', A.idNumber, A.idNumberPlaceholder, 'idcard', 22)}
          {field('phone', A.phone, A.phonePlaceholder, 'number', 16, A.phoneHint)}
        </View>
        <View className='family__card'>
          <Text className='family-add__label'>{A.consentBy}</Text>
          <Chips options={CONSENT_BY} labels={CONSENT_BY_LABELS} value={by} onChange={setBy} testId='profile-consent-by' />
          <Text className='family__muted'>{A.guardianNote}</Text>
          <Text className='family-add__consent-title'>{A.consentTitle}</Text>
          <Text className='family-add__consent-text' data-testid='profile-consent-text'>
            {A.consentText}
          </Text>
          <View className='family-add__agree'>
            <Checkbox
              checked={agreed}
              icon={<CheckNormal size={26} color='#8c8c8c' />}
              activeIcon={<Checked size={26} color='#1677ff' />}
              onChange={setAgreed}
              data-testid='profile-agree'
            />
            <Text onClick={() => setAgreed((a) => !a)}>{A.agree}</Text>
          </View>
          {form.submitted && consentError && (
            <View className='family__error' role='alert' data-testid='profile-consent-error'>
              {consentError}
            </View>
          )}
        </View>
        {saving.error && (
          <View className='family__error' role='alert' data-testid='profile-save-error'>
            {saving.error}
          </View>
        )}
        <Button type='primary' size='xlarge' block loading={saving.busy} onClick={save} data-testid='profile-save'>
          {saving.busy ? A.saving : A.save}
        </Button>
      </ConsentGate>
    </View>
  )
}

export default pageRoot(AddProfilePage)
