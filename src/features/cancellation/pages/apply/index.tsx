import { View, Text } from '@tarojs/components'
import { Button, Checkbox, Input, Popup, Radio } from '@nutui/nutui-react-taro'
import { CheckNormal, Checked, Tips } from '@nutui/icons-react-taro'
import { useRef, useState } from 'react'
import * as v from 'valibot'
import { BANKS, bankName } from '@/domain/cancellation/banks'
import { ApplicationInput, DebitCardNumber, HEIR_RELATIONS, HEIR_RELATION_LABELS, checkApplication } from '@/domain/cancellation/cancellation.schema'
import type { ApplicationView } from '@/domain/cancellation/cancellation.view'
import { assessEligibility, type EligibilityInput } from '@/domain/cancellation/eligibility'
import { REASONS } from '@/domain/cancellation/reasons'
import { AppError } from '@/domain/errors'
import { normalizeBankCard } from '@/domain/identity/bank-card'
import { validateIdNumber } from '@/domain/identity/id-number'
import { newRequestId } from '@/domain/request-id'
import { cityByCode } from '@/domain/region'
import { shanghaiDate } from '@/domain/time'
import { fieldErrors } from '@/domain/validation'
import { ConsentGate } from '@/components/consent-gate'
import { EmptyState, RemoteView } from '@/components/status-view'
import { useRemote } from '@/hooks/use-remote'
import { showToast } from '@/platform/device'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { getApplication, saveApplication, type ApplicationForm } from '../../api'
import { answersOf, applyUrl, detailUrl, editUrl, eligibilityUrl, isApplicationId, materialsUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'

const A = COPY.apply

type HeirRelation = (typeof HEIR_RELATIONS)[number]

/** What the user types, as typed. */
interface Values {
  insuredName: string
  insuredId: string
  heirName: string
  heirId: string
  heirRelation: HeirRelation | ''
  phone: string
  bankCode: string
  cardNumber: string
  holderName: string
}

const EMPTY: Values = { insuredName: '', insuredId: '', heirName: '', heirId: '', heirRelation: '', phone: '', bankCode: '', cardNumber: '', holderName: '' }

/** The case the form is for: the wizard's answers, and the application when editing one. */
interface Case extends EligibilityInput {
  applicationId?: string
  /** Masked numbers of the saved application: ID numbers, phone and card must be typed again. */
  masked?: { insuredId: string; heirId?: string; phone: string; card: string }
}

/** Schema paths, as `fieldErrors` and the function's VALIDATION_FAILED details name them, and their testids. */
const FIELDS = {
  insuredName: { path: 'insured.name', testId: 'apply-insured-name' },
  insuredId: { path: 'insured.idNumber', testId: 'apply-insured-id' },
  heirName: { path: 'heir.name', testId: 'apply-heir-name' },
  heirId: { path: 'heir.idNumber', testId: 'apply-heir-id' },
  heirRelation: { path: 'heir.relation', testId: 'apply-heir-relation' },
  phone: { path: 'phone', testId: 'apply-phone' },
  bankCode: { path: 'bank.bankCode', testId: 'apply-bank' },
  cardNumber: { path: 'bank.cardNumber', testId: 'apply-card' },
  holderName: { path: 'bank.holderName', testId: 'apply-holder' },
} as const satisfies Record<keyof Values, { path: string; testId: string }>

type Field = keyof Values
const FIELD_OF_PATH = new Map<string, Field>(Object.entries(FIELDS).map(([field, f]) => [f.path, field as Field]))

const isDeath = (c: Case) => c.reason === 'death'
const payeeOf = (c: Case, values: Values) => (isDeath(c) ? values.heirName : values.insuredName)

function formOf(c: Case, values: Values, holderName: string): ApplicationForm {
  return {
    ...(c.applicationId ? { applicationId: c.applicationId } : {}),
    cityCode: c.cityCode,
    reason: c.reason,
    accountState: c.accountState,
    realNameVerified: c.realNameVerified,
    insured: { name: values.insuredName, idNumber: values.insuredId },
    ...(isDeath(c) ? { heir: { name: values.heirName, idNumber: values.heirId, relation: values.heirRelation as HeirRelation } } : {}),
    phone: values.phone,
    bank: { bankCode: values.bankCode as ApplicationForm['bank']['bankCode'], cardNumber: values.cardNumber, holderName },
  }
}

/**
 * The domain schema's first message per field; a birth date in the future (the one rule that needs today's date);
 * then the rules across fields (`checkApplication`: an heir after a death, the card in the payee's name).
 */
function errorsOf(form: ApplicationForm): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {}
  for (const [path, message] of Object.entries(fieldErrors(ApplicationInput, form))) {
    const field = FIELD_OF_PATH.get(path)
    if (field && !errors[field]) errors[field] = message
  }
  const today = shanghaiDate(new Date())
  const ids: Array<[Field, string | undefined]> = [
    ['insuredId', form.insured.idNumber],
    ['heirId', form.heir?.idNumber],
  ]
  for (const [field, value] of ids) {
    if (value === undefined || errors[field]) continue
    const id = validateIdNumber(value, today)
    if (!id.ok) errors[field] = id.reason
  }
  if (Object.keys(errors).length > 0) return errors
  const parsed = v.safeParse(ApplicationInput, form)
  if (!parsed.success) return errors
  try {
    checkApplication(parsed.output)
  } catch (error) {
    if (error instanceof AppError) for (const d of error.details ?? []) errors[FIELD_OF_PATH.get(d.path) ?? 'holderName'] = d.message
  }
  return errors
}

/** The card number as the user types it: how many digits, then the schema's verdict once there are enough. */
function cardStatus(value: string): { tone: 'typing' | 'bad' | 'ok'; digits: string; message: string } | undefined {
  const digits = normalizeBankCard(value)
  if (!digits) return undefined
  const parsed = v.safeParse(DebitCardNumber, value, { abortPipeEarly: true })
  if (parsed.success) return { tone: 'ok', digits, message: A.cardOk }
  const message = parsed.issues[0]?.message ?? ''
  const typing = /^\d+$/.test(digits) && digits.length < 16
  return { tone: typing ? 'typing' : 'bad', digits, message }
}

const grouped = (digits: string) => digits.replace(/(.{4})(?=.)/g, '$1 ')

function BankPicker({ value, error, onChange }: { value: string; error?: string; onChange: (code: string) => void }) {
  const [open, setOpen] = useState(false)
  const name = bankName(value)
  return (
    <View className={`ca__field${error ? ' ca__field--error' : ''}`}>
      <View className='ca__bank' onClick={() => setOpen(true)} data-testid='apply-bank' data-bank={value}>
        <Text className='ca__label ca__bank-label'>{A.bank}</Text>
        <Text className={name ? 'ca__bank-value' : 'ca__bank-placeholder'}>{name ?? A.bankPlaceholder} ›</Text>
      </View>
      {error && (
        <Text className='ca__error' data-testid='apply-bank-error'>
          {error}
        </Text>
      )}
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
              {b.code === value && <Checked size={22} color='#1677ff' />}
            </View>
          ))}
        </View>
      </Popup>
    </View>
  )
}

function ApplyForm({ c, initial = EMPTY }: { c: Case; initial?: Values }) {
  const [values, setValues] = useState<Values>(initial)
  /** The holder follows the payee's name until the user changes it. */
  const [holderEdited, setHolderEdited] = useState(() => initial.holderName !== '' && initial.holderName !== payeeOf(c, initial))
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [showAll, setShowAll] = useState(false)
  /** One per visit: saving a new draft again (after a lost answer) edits the draft the first save made. */
  const requestId = useRef(newRequestId())
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [error, setError] = useState<string>()
  const [consent, setConsent] = useState(false)
  const [busy, setBusy] = useState(false)

  const holderName = holderEdited ? values.holderName : payeeOf(c, values)
  const form = formOf(c, values, holderName)
  const errors = errorsOf(form)
  const shown = (field: Field) => serverErrors[field] ?? (showAll || touched[field] ? errors[field] : undefined)
  const death = isDeath(c)
  const who = death ? A.heirWho : A.insuredWho
  const city = cityByCode(c.cityCode)

  const set = (field: Field) => (value: string) => {
    setValues((vals) => ({ ...vals, [field]: value }))
    setServerErrors((e) => ({ ...e, [field]: undefined }))
    if (field === 'holderName') setHolderEdited(true)
  }
  const leave = (field: Field) => () => setTouched((t) => ({ ...t, [field]: true }))

  const save = () => {
    if (busy) return
    setShowAll(true)
    setError(undefined)
    const invalid = Object.keys(errors).length > 0
    if (invalid || !consent) {
      void showToast(invalid ? A.fixFields : A.needConsent)
      return
    }
    setBusy(true)
    saveApplication(form.applicationId ? form : { ...form, requestId: requestId.current })
      .then((view) => replacePage(materialsUrl(view.applicationId)))
      .catch((e: unknown) => {
        const details = e instanceof AppError ? (e.details ?? []) : []
        const mapped: Partial<Record<Field, string>> = {}
        for (const d of details) {
          const field = FIELD_OF_PATH.get(d.path)
          if (field) mapped[field] = d.message
        }
        setServerErrors(mapped)
        setError(messageOf(e))
        setBusy(false)
      })
  }

  const input = (field: Exclude<Field, 'heirRelation' | 'bankCode'>, label: string, placeholder: string, props: { type: 'text' | 'idcard' | 'number'; maxLength: number; hint?: string }) => {
    const message = shown(field)
    const value = field === 'holderName' ? holderName : values[field]
    return (
      <View className={`ca__field${message ? ' ca__field--error' : ''}`}>
        <Text className='ca__label'>{label}</Text>
        <Input
          className='ca__input'
          name={field}
          type={props.type}
          maxLength={props.maxLength}
          placeholder={placeholder}
          value={value}
          clearable
          onChange={set(field)}
          onBlur={leave(field)}
          data-testid={FIELDS[field].testId}
        />
        {props.hint && <Text className='ca__hint'>{props.hint}</Text>}
        {message && (
          <Text className='ca__error' data-testid={`${FIELDS[field].testId}-error`}>
            {message}
          </Text>
        )}
      </View>
    )
  }

  const card = cardStatus(values.cardNumber)
  const cardMessage = serverErrors.cardNumber ?? (card ? undefined : showAll || touched.cardNumber ? errors.cardNumber : undefined)
  const cardBad = !!cardMessage || card?.tone === 'bad' || (card?.tone === 'typing' && (showAll || !!touched.cardNumber))

  return (
    <View className='cx ca'>
      <View className='cx__hero'>
        <Text className='cx__title'>{c.applicationId ? A.editTitle : A.title}</Text>
        <Text className='cx__intro' data-testid='apply-case'>
          {A.caseLabel}：{city?.name ?? c.cityCode} · {REASONS[c.reason].title}
        </Text>
      </View>

      <ConsentGate returnTo={c.applicationId ? editUrl(c.applicationId) : applyUrl(c)}>
        <View className='cx__section'>
          <Text className='cx__section-title'>{death ? A.insuredDeathTitle : A.insuredTitle}</Text>
          <View className='ca__group'>
            {input('insuredName', A.insuredName, A.namePlaceholder, { type: 'text', maxLength: 30 })}
            {input('insuredId', A.insuredId, A.idPlaceholder, { type: 'idcard', maxLength: 22, hint: c.masked ? A.retype(c.masked.insuredId) : undefined })}
          </View>
        </View>

        {death && (
          <View className='cx__section' data-testid='apply-heir'>
            <Text className='cx__section-title'>{A.heirTitle}</Text>
            <Text className='cx__section-hint'>{A.heirIntro}</Text>
            <View className='ca__group'>
              {input('heirName', A.heirName, A.namePlaceholder, { type: 'text', maxLength: 30 })}
              {input('heirId', A.heirId, A.idPlaceholder, { type: 'idcard', maxLength: 22, hint: c.masked?.heirId ? A.retype(c.masked.heirId) : undefined })}
              <View className={`ca__field${shown('heirRelation') ? ' ca__field--error' : ''}`}>
                <Text className='ca__label'>{A.heirRelation}</Text>
                <Radio.Group
                  className='ca__relations'
                  direction='horizontal'
                  value={values.heirRelation}
                  onChange={(rel) => {
                    set('heirRelation')(String(rel))
                    leave('heirRelation')()
                  }}
                  data-testid='apply-heir-relation'
                >
                  {HEIR_RELATIONS.map((rel) => (
                    <Radio key={rel} shape='button' value={rel} data-testid={`apply-heir-relation-${rel}`}>
                      {HEIR_RELATION_LABELS[rel]}
                    </Radio>
                  ))}
                </Radio.Group>
                {shown('heirRelation') && (
                  <Text className='ca__error' data-testid='apply-heir-relation-error'>
                    {shown('heirRelation')}
                  </Text>
                )}
              </View>
            </View>
          </View>
        )}

        <View className='cx__section'>
          <Text className='cx__section-title'>{A.contactTitle}</Text>
          <View className='ca__group'>{input('phone', A.phone, A.phonePlaceholder, { type: 'number', maxLength: 16, hint: c.masked ? A.retype(c.masked.phone) : undefined })}</View>
        </View>

        <View className='cx__section'>
          <Text className='cx__section-title'>{A.bankTitle}</Text>
          <Text className='cx__section-hint'>{A.bankIntro}</Text>
          <View className='ca__group'>
            <BankPicker
              value={values.bankCode}
              error={shown('bankCode')}
              onChange={(code) => {
                set('bankCode')(code)
                leave('bankCode')()
              }}
            />
            <View className={`ca__field${cardBad ? ' ca__field--error' : ''}`}>
              <Text className='ca__label'>{A.card}</Text>
              <Input
                className='ca__input'
                name='cardNumber'
                type='text'
                maxLength={30}
                placeholder={A.cardPlaceholder}
                value={values.cardNumber}
                clearable
                onChange={set('cardNumber')}
                onBlur={leave('cardNumber')}
                data-testid='apply-card'
              />
              {card && (
                <View className={`ca__card ca__card--${cardBad ? 'bad' : card.tone}`} data-testid='apply-card-hint' data-tone={card.tone}>
                  <Text className='ca__card-digits'>{grouped(card.digits)}</Text>
                  <Text className='ca__card-status'>
                    {A.cardTyped(card.digits.length)}
                    {card.tone === 'ok' ? `　✓ ${card.message}` : `　${card.message}`}
                  </Text>
                </View>
              )}
              {c.masked && <Text className='ca__hint'>{A.retype(c.masked.card)}</Text>}
              {cardMessage && (
                <Text className='ca__error' data-testid='apply-card-error'>
                  {cardMessage}
                </Text>
              )}
            </View>
            {input('holderName', A.holder, A.namePlaceholder, { type: 'text', maxLength: 30, hint: A.holderHint(who) })}
          </View>
        </View>

        <View className={`cx__section ca__consent${showAll && !consent ? ' ca__consent--error' : ''}`} data-testid='apply-consent-block'>
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
            activeIcon={<Checked size={26} color='#1677ff' />}
            onChange={setConsent}
            data-testid='apply-consent'
          >
            <Text className='ca__consent-label'>{A.consent}</Text>
          </Checkbox>
          {showAll && !consent && (
            <Text className='ca__error' data-testid='apply-consent-error'>
              {A.needConsent}
            </Text>
          )}
        </View>

        <View className='cx__section cx__actions'>
          {error && (
            <Text className='cx__error ca__server-error' data-testid='apply-error'>
              {error}
            </Text>
          )}
          <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={save} data-testid='apply-save'>
            {busy ? A.saving : A.save}
          </Button>
        </View>
      </ConsentGate>
    </View>
  )
}

/** The form prefilled from a saved application: names, relation, bank and holder; never the numbers. */
function EditForm({ view }: { view: ApplicationView }) {
  const c: Case = {
    applicationId: view.applicationId,
    cityCode: view.cityCode,
    reason: view.reason,
    accountState: view.accountState,
    realNameVerified: view.realNameVerified,
    masked: { insuredId: view.insured.idNumberMasked, heirId: view.heir?.idNumberMasked, phone: view.phoneMasked, card: view.bank.cardMasked },
  }
  const relation = HEIR_RELATIONS.find((r) => r === view.heir?.relation) ?? ''
  const values: Values = { ...EMPTY, insuredName: view.insured.name, heirName: view.heir?.name ?? '', heirRelation: relation, bankCode: view.bank.bankCode, holderName: view.bank.holderName }
  return <ApplyForm c={c} initial={values} />
}

export default function ApplyPage() {
  const query = usePageQuery()
  const applicationId = isApplicationId(query.applicationId) ? query.applicationId : undefined
  const answers = answersOf(query)
  const remote = useRemote(() => (applicationId ? getApplication(applicationId) : Promise.resolve(undefined)), [applicationId])

  if (applicationId) {
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
  /** Only what can be handled online is applied for here; the wizard explains the rest. */
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
