import { View, Text } from '@tarojs/components'
import { Button, Checkbox, Input, Popup, Radio } from '@nutui/nutui-react-taro'
import { CheckNormal, Checked, Tips } from '@nutui/icons-react-taro'
import { useRef, useState } from 'react'
import { BANKS, bankName } from '@/domain/cancellation/banks'
import { HEIR_RELATIONS, HEIR_RELATION_LABELS } from '@/domain/cancellation/cancellation.schema'
import type { ApplicationView } from '@/domain/cancellation/cancellation.view'
import { assessEligibility } from '@/domain/cancellation/eligibility'
import { REASONS } from '@/domain/cancellation/reasons'
import { newRequestId } from '@/domain/request-id'
import { cityByCode } from '@/domain/region'
import { shanghaiDate } from '@/domain/time'
import { ConsentGate } from '@/components/consent-gate'
import { EmptyState, RemoteView } from '@/components/status-view'
import { Field, FieldGroup, TextField } from '@/components/text-field'
import { useAction } from '@/hooks/use-action'
import { useForm, type FormState } from '@/hooks/use-form'
import { useRemote } from '@/hooks/use-remote'
import { showToast } from '@/platform/device'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { COPY } from '../../copy'
import { getApplication, saveApplication, type ApplicationToSave } from '../../api'
import {
  APPLY_FIELDS,
  EMPTY_APPLY,
  applyErrors,
  cardFieldState,
  cardStatus,
  editingOf,
  fieldsOfDetails,
  formOf,
  grouped,
  holderEditedAtStart,
  holderOf,
  isDeath,
  type ApplyCase,
  type ApplyField,
  type ApplyValues,
} from '../../application.form'
import { answersOf, applyUrl, detailUrl, editUrl, eligibilityUrl, isApplicationId, materialsUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'
import { ProfilePicker } from '@/components/profile-picker'
import type { ProfileView } from '@/domain/family/family.schema'

const A = COPY.apply

type Form = FormState<ApplyValues>
type TextInput = Exclude<ApplyField, 'heirRelation' | 'bankCode' | 'cardNumber'>

/** One text input of the form, with the schema path's testid and its message. */
function FormInput({ form, field, label, placeholder, type = 'text', maxLength, hint }: { form: Form; field: TextInput; label: string; placeholder: string; type?: 'text' | 'idcard' | 'number'; maxLength: number; hint?: string }) {
  return <TextField label={label} placeholder={placeholder} {...form.field(field)} name={field} type={type} maxLength={maxLength} hint={hint} testId={APPLY_FIELDS[field].testId} />
}

function BankPicker({ value, error, onChange }: { value: string; error?: string; onChange: (code: string) => void }) {
  const [open, setOpen] = useState(false)
  const name = bankName(value)
  return (
    <Field error={error} testId='apply-bank'>
      <View className='ca__bank' onClick={() => setOpen(true)} data-testid='apply-bank' data-bank={value}>
        <Text className='ca__bank-label'>{A.bank}</Text>
        <Text className={name ? 'ca__bank-value' : 'ca__bank-placeholder'}>{name ?? A.bankPlaceholder} ›</Text>
      </View>
      <Popup className='ca__bank-popup' visible={open} position='bottom' round closeable title={A.bankPickerTitle} onClose={() => setOpen(false)}>
        <View className='ca__banks' data-testid='apply-bank-list'>
          {BANKS.map((b) => (
            <View
              key={b.code}
              className={`ca__bank-row${b.code === value ? ' ca__bank-row--on' : ''}`}
              onClick={() => {
                onChange(b.code)
                setOpen(false)
              }}
              data-testid={`apply-bank-${b.code}`}
            >
              <Text className='ca__bank-name'>{b.name}</Text>
              {b.code === value && <Checked size={22} color='#0958d9' />}
            </View>
          ))}
        </View>
      </Popup>
    </Field>
  )
}

/** With a 常用办理人 as the insured person, the ID number is not typed: its message does not apply. */
function withoutInsuredId<E extends Partial<Record<string, string>>>(errors: E, fromProfile: boolean): E {
  if (!fromProfile || !errors.insuredId) return errors
  const { insuredId: _id, ...rest } = errors
  return rest as E
}

/** A choice made by tapping (the heir's relation, the bank) counts as the field left. */
const pick = (form: Form, field: ApplyField) => (value: string) => {
  form.set(field)(value)
  form.leave(field)()
}

function Insured({ form, c, profile, onProfile }: { form: Form; c: ApplyCase; profile?: ProfileView; onProfile: (p: ProfileView | undefined) => void }) {
  return (
    <View className='cx__section'>
      <Text className='cx__section-title'>{isDeath(c) ? A.insuredDeathTitle : A.insuredTitle}</Text>
      <ProfilePicker value={profile?.profileId} onChange={onProfile} />
      {profile ? (
        <Text className='cx__section-hint' data-testid='apply-profile-note'>
          {A.profileFilled}
        </Text>
      ) : (
        <FieldGroup>
          <FormInput form={form} field='insuredName' label={A.insuredName} placeholder={A.namePlaceholder} maxLength={30} />
          <FormInput form={form} field='insuredId' label={A.insuredId} placeholder={A.idPlaceholder} type='idcard' maxLength={22} hint={c.masked ? A.retype(c.masked.insuredId) : undefined} />
        </FieldGroup>
      )}
    </View>
  )
}

function Heir({ form, c }: { form: Form; c: ApplyCase }) {
  const relationError = form.shown('heirRelation')
  return (
    <View className='cx__section' data-testid='apply-heir'>
      <Text className='cx__section-title'>{A.heirTitle}</Text>
      <Text className='cx__section-hint'>{A.heirIntro}</Text>
      <FieldGroup>
        <FormInput form={form} field='heirName' label={A.heirName} placeholder={A.namePlaceholder} maxLength={30} />
        <FormInput form={form} field='heirId' label={A.heirId} placeholder={A.idPlaceholder} type='idcard' maxLength={22} hint={c.masked?.heirId ? A.retype(c.masked.heirId) : undefined} />
        <Field label={A.heirRelation} error={relationError} testId='apply-heir-relation'>
          <Radio.Group className='ca__relations' direction='horizontal' value={form.values.heirRelation} onChange={(rel) => pick(form, 'heirRelation')(String(rel))} data-testid='apply-heir-relation'>
            {HEIR_RELATIONS.map((rel) => (
              <Radio key={rel} shape='button' value={rel} data-testid={`apply-heir-relation-${rel}`}>
                {HEIR_RELATION_LABELS[rel]}
              </Radio>
            ))}
          </Radio.Group>
        </Field>
      </FieldGroup>
    </View>
  )
}

/** The card number shown digit by digit as typed, with the check's verdict; red once it cannot be right. */
function CardNumber({ form, c }: { form: Form; c: ApplyCase }) {
  const card = cardStatus(form.values.cardNumber)
  const { message, bad } = cardFieldState(card, { server: form.serverError('cardNumber'), check: form.errors.cardNumber, touched: form.touched('cardNumber') })
  return (
    <Field label={A.card} error={message} bad={bad} hint={c.masked ? A.retype(c.masked.card) : undefined} testId='apply-card'>
      <Input
        className='text-field__input'
        name='cardNumber'
        type='text'
        maxLength={30}
        placeholder={A.cardPlaceholder}
        value={form.values.cardNumber}
        clearable
        onChange={form.set('cardNumber')}
        onBlur={form.leave('cardNumber')}
        data-testid='apply-card'
      />
      {card && (
        <View className={`ca__card ca__card--${bad ? 'bad' : card.tone}`} data-testid='apply-card-hint' data-tone={card.tone}>
          <Text className='ca__card-digits'>{grouped(card.digits)}</Text>
          <Text className='ca__card-status'>
            {A.cardTyped(card.digits.length)}
            {card.tone === 'ok' ? `　✓ ${card.message}` : `　${card.message}`}
          </Text>
        </View>
      )}
    </Field>
  )
}

function Bank({ form, c, holderName, onHolder }: { form: Form; c: ApplyCase; holderName: string; onHolder: (name: string) => void }) {
  return (
    <View className='cx__section'>
      <Text className='cx__section-title'>{A.bankTitle}</Text>
      <Text className='cx__section-hint'>{A.bankIntro}</Text>
      <FieldGroup>
        <BankPicker value={form.values.bankCode} error={form.shown('bankCode')} onChange={pick(form, 'bankCode')} />
        <CardNumber form={form} c={c} />
        <TextField
          label={A.holder}
          placeholder={A.namePlaceholder}
          value={holderName}
          onChange={onHolder}
          onBlur={form.leave('holderName')}
          error={form.shown('holderName')}
          name='holderName'
          maxLength={30}
          hint={A.holderHint(isDeath(c) ? A.heirWho : A.insuredWho)}
          testId={APPLY_FIELDS.holderName.testId}
        />
      </FieldGroup>
    </View>
  )
}

function Consent({ consent, onChange, showError }: { consent: boolean; onChange: (checked: boolean) => void; showError: boolean }) {
  return (
    <View className={`cx__section ca__consent${showError ? ' ca__consent--error' : ''}`} data-testid='apply-consent-block'>
      <Text className='ca__consent-title'>{A.consentTitle}</Text>
      <Text className='ca__consent-intro'>{A.consentIntro}</Text>
      <View className='cx__list'>
        {A.consentItems.map((item) => (
          <Text key={item} className='cx__item ca__consent-item'>
            {item}
          </Text>
        ))}
      </View>
      <Checkbox
        className='ca__checkbox'
        checked={consent}
        icon={<CheckNormal size={26} color='#8c8c8c' />}
        activeIcon={<Checked size={26} color='#0958d9' />}
        onChange={onChange}
        data-testid='apply-consent'
      >
        <Text className='ca__consent-label'>{A.consent}</Text>
      </Checkbox>
      {showError && (
        <Text className='ca__error' data-testid='apply-consent-error'>
          {A.needConsent}
        </Text>
      )}
    </View>
  )
}

function ApplyForm({ c, initial = EMPTY_APPLY }: { c: ApplyCase; initial?: ApplyValues }) {
  /** The holder follows the payee's name until the user changes it. */
  const [holderEdited, setHolderEdited] = useState(() => holderEditedAtStart(c, initial))
  /** One per visit: saving a new draft again (after a lost answer) edits the draft the first save made. */
  const requestId = useRef(newRequestId())
  const [consent, setConsent] = useState(false)
  /** 为谁办理: the insured person as one of the user's 常用办理人; their ID number is filled on the server. */
  const [profile, setProfile] = useState<ProfileView>()
  const form = useForm(initial, (values) => withoutInsuredId(applyErrors(formOf(c, values, holderOf(c, values, holderEdited)), shanghaiDate(new Date())), !!profile))
  const holderName = holderOf(c, form.values, holderEdited)
  const application = formOf(c, form.values, holderName)
  const save = useAction(
    async (toSave: ApplicationToSave) => {
      const view = await saveApplication(toSave)
      replacePage(materialsUrl(view.applicationId))
    },
    { holdOnSuccess: true, onError: (e) => form.setServerErrors(fieldsOfDetails(e)) },
  )
  const city = cityByCode(c.cityCode)

  const submit = () => {
    if (save.busy) return
    form.showAll()
    save.setError(undefined)
    const invalid = Object.keys(form.errors).length > 0
    if (invalid || !consent) return void showToast(invalid ? A.fixFields : A.needConsent)
    const { insured: _typed, ...rest } = application
    const toSave: ApplicationToSave = profile ? { ...rest, profileId: profile.profileId } : application
    void save.run(application.applicationId ? toSave : { ...toSave, requestId: requestId.current })
  }
  const onProfile = (next: ProfileView | undefined) => {
    setProfile(next)
    // The payee's name (and so the card holder's) follows the insured person's.
    form.set('insuredName')(next ? next.name : '')
  }
  const onHolder = (name: string) => {
    setHolderEdited(true)
    form.set('holderName')(name)
  }

  return (
    <View className='cx ca'>
      <View className='cx__hero'>
        <Text className='cx__title'>{c.applicationId ? A.editTitle : A.title}</Text>
        <Text className='cx__intro' data-testid='apply-case'>
          {A.caseLabel}：{city?.name ?? c.cityCode} · {REASONS[c.reason].title}
        </Text>
      </View>

      <ConsentGate returnTo={c.applicationId ? editUrl(c.applicationId) : applyUrl(c)}>
        <Insured form={form} c={c} profile={profile} onProfile={onProfile} />
        {isDeath(c) && <Heir form={form} c={c} />}
        <View className='cx__section'>
          <Text className='cx__section-title'>{A.contactTitle}</Text>
          <FormInput form={form} field='phone' label={A.phone} placeholder={A.phonePlaceholder} type='number' maxLength={16} hint={c.masked ? A.retype(c.masked.phone) : undefined} />
        </View>
        <Bank form={form} c={c} holderName={holderName} onHolder={onHolder} />
        <Consent consent={consent} onChange={setConsent} showError={form.submitted && !consent} />

        <View className='cx__section cx__actions'>
          {save.error && (
            <Text className='cx__error ca__server-error' data-testid='apply-error'>
              {save.error}
            </Text>
          )}
          <Button type='primary' size='xlarge' block loading={save.busy} disabled={save.busy} onClick={submit} data-testid='apply-save'>
            {save.busy ? A.saving : A.save}
          </Button>
        </View>
      </ConsentGate>
    </View>
  )
}

/** The form prefilled from a saved application: names, relation, bank and holder; never the numbers. */
function EditForm({ view }: { view: ApplicationView }) {
  const { c, values } = editingOf(view)
  return <ApplyForm c={c} initial={values} />
}

function EditPage({ applicationId }: { applicationId: string }) {
  const remote = useRemote(() => getApplication(applicationId), [applicationId])
  const view = remote.data
  return (
    <View className='cx ca'>
      <RemoteView remote={remote}>
        {view && view.canEdit && <EditForm view={view} />}
        {view && !view.canEdit && (
          <View role='alert'>
            <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={A.notEditableTitle} description={A.notEditable} />
            <View className='cx__section'>
              <Button type='primary' size='xlarge' block onClick={() => replacePage(detailUrl(view.applicationId))}>
                {COPY.common.toDetail}
              </Button>
            </View>
          </View>
        )}
      </RemoteView>
    </View>
  )
}

function ApplyPage() {
  const query = usePageQuery()
  const applicationId = isApplicationId(query.applicationId) ? query.applicationId : undefined
  if (applicationId) return <EditPage applicationId={applicationId} />
  /** Only what can be handled online is applied for here; the wizard explains the rest. */
  const answers = answersOf(query)
  const answer = answers && assessEligibility(answers)
  if (!answers || answer?.verdict !== 'online') {
    const why = answer?.verdict === 'offline' ? answer.why : answer?.verdict === 'ineligible' ? answer.why.join('；') : undefined
    return (
      <View className='cx ca' role='alert' data-testid='apply-not-online'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={why ? A.notOnlineTitle : A.badLinkTitle} description={why ?? A.badLink} />
        <View className='cx__section'>
          <Button type='primary' size='xlarge' block onClick={() => openPage(eligibilityUrl())}>
            {A.restart}
          </Button>
        </View>
      </View>
    )
  }
  return <ApplyForm c={answers} />
}

export default pageRoot(ApplyPage)
