import { View, Text } from '@tarojs/components'
import { Button, Radio } from '@nutui/nutui-react-taro'
import { CheckChecked, CheckNormal } from '@nutui/icons-react-taro'
import { useState, type ReactNode } from 'react'
import { ACCOUNT_STATES, ACCOUNT_STATE_LABELS, HOTLINE, assessEligibility, type AccountState, type Eligibility } from '@/domain/cancellation/eligibility'
import { CANCEL_REASONS, MATERIALS, REASONS, type CancelReason, type MaterialKind } from '@/domain/cancellation/reasons'
import { allProvinces, type City } from '@/domain/region'
import { isSourced } from '@/domain/sources/source'
import { CityPicker } from '@/components/city-picker'
import { dial } from '@/platform/device'
import { openPage, scrollToElement } from '@/platform/navigation'
import { COPY } from '../../copy'
import { applyUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const W = COPY.wizard

/** Radio marks big enough to see and to hit. */
const MARKS = { icon: <CheckNormal size={24} color='#8c8c8c' />, activeIcon: <CheckChecked size={24} color='#0958d9' /> }

function Question({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <View className='cx__section'>
      <Text className='cx__section-title'>{title}</Text>
      {hint && <Text className='cx__section-hint'>{hint}</Text>}
      {children}
    </View>
  )
}

function Materials({ kinds, testId }: { kinds: readonly MaterialKind[]; testId: string }) {
  return (
    <View className='cw__materials' data-testid={testId}>
      {kinds.map((k) => (
        <View key={k} className='cw__material' data-kind={k}>
          <Text className='cw__material-title'>{MATERIALS[k].title}</Text>
          <Text className='cw__material-hint'>{MATERIALS[k].hint}</Text>
        </View>
      ))}
    </View>
  )
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='cw__block'>
      <Text className='cw__block-title'>{title}</Text>
      {children}
    </View>
  )
}

function Hotline() {
  return (
    <Button size='large' block fill='outline' onClick={() => dial(HOTLINE)} data-testid='wiz-hotline'>
      {W.hotline}
    </Button>
  )
}

/** The wizard's answer: online (what to prepare, then apply), at a counter (why, where, what to bring), or not eligible. */
function Verdict({ answer, onApply }: { answer: Eligibility; onApply: () => void }) {
  const { verdict } = answer
  return (
    <View id='cancel-verdict' className={`cw__verdict cw__verdict--${verdict}`} data-testid='wiz-verdict' data-verdict={verdict}>
      {answer.notices.length > 0 && (
        <View className='cx__warn cw__notices' data-testid='wiz-notices'>
          {answer.notices.map((n) => (
            <Text key={n} className='cw__notice'>
              {n}
            </Text>
          ))}
        </View>
      )}
      {verdict === 'online' && (
        <>
          <Text className='cw__verdict-title' data-testid='wiz-online-title'>
            ✓ {isSourced(answer.policy.evidence.online) ? W.online.title : W.online.titleReference}
          </Text>
          {!isSourced(answer.policy.evidence.online) && <Text className='cx__text cw__reference'>{W.online.referenceNote}</Text>}
          <Block title={W.online.materials}>
            <Materials kinds={answer.materials} testId='wiz-materials' />
          </Block>
          {answer.optionalMaterials.length > 0 && (
            <Block title={W.online.optional}>
              <Materials kinds={answer.optionalMaterials} testId='wiz-optional' />
            </Block>
          )}
          <Block title={W.online.refund}>
            <Text className='cx__text'>{answer.refund}</Text>
          </Block>
          <Block title={W.online.review}>
            <Text className='cx__text cw__days' data-testid='wiz-review-days'>
              {isSourced(answer.policy.evidence.reviewDays) ? COPY.common.workingDays(answer.reviewDays) : COPY.common.workingDaysReference(answer.reviewDays)}
            </Text>
          </Block>
          {answer.policy.channel && (
            <Block title={W.online.channel}>
              <Text className='cx__text'>{answer.policy.channel}</Text>
            </Block>
          )}
          <Button type='primary' size='xlarge' block onClick={onApply} data-testid='wiz-apply'>
            {W.online.apply}
          </Button>
        </>
      )}
      {verdict === 'offline' && (
        <>
          <Text className='cw__verdict-title'>{W.offline.title}</Text>
          <Block title={W.offline.why}>
            <Text className='cx__text' data-testid='wiz-why'>
              {answer.why}
            </Text>
          </Block>
          <Block title={W.offline.route}>
            <Text className='cx__text' data-testid='wiz-route'>
              {answer.route}
            </Text>
            {!isSourced(answer.policy.evidence.offlineRoute) && (
              <Text className='cx__text cw__reference' data-testid='wiz-route-reference'>
                {W.offline.routeReference}
              </Text>
            )}
          </Block>
          <Block title={W.offline.materials}>
            <Materials kinds={answer.materials} testId='wiz-materials' />
          </Block>
          <Hotline />
        </>
      )}
      {verdict === 'ineligible' && (
        <>
          <Text className='cw__verdict-title'>{W.ineligible.title}</Text>
          <Block title={W.ineligible.why}>
            <View className='cx__list' data-testid='wiz-why'>
              {answer.why.map((w) => (
                <Text key={w} className='cx__item'>
                  {w}
                </Text>
              ))}
            </View>
          </Block>
          {answer.instead && (
            <Block title={W.ineligible.instead}>
              <Text className='cx__text cw__instead' data-testid='wiz-instead'>
                {answer.instead}
              </Text>
            </Block>
          )}
          <Hotline />
        </>
      )}
    </View>
  )
}

/** 检查办理条件: city, reason, account state and real-name verification, then the answer below the button. */
function EligibilityPage() {
  const [city, setCity] = useState<City>()
  const [reason, setReason] = useState<CancelReason>()
  const [accountState, setAccountState] = useState<AccountState>()
  const [realName, setRealName] = useState<boolean>()
  const [answer, setAnswer] = useState<Eligibility>()

  /** A reason that never leads to a cancellation needs no more answers: the verdict explains what to do instead. */
  const cancellable = !reason || REASONS[reason].cancellable
  const ready = !!city && !!reason && (!cancellable || (!!accountState && realName !== undefined))
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      setAnswer(undefined)
    }

  const check = () => {
    if (!city || !reason) return
    setAnswer(assessEligibility({ cityCode: city.code, reason, accountState: accountState ?? 'unknown', realNameVerified: realName ?? false }))
    scrollToElement('#cancel-verdict')
  }

  const apply = () => {
    if (!city || !reason || !accountState || realName === undefined) return
    openPage(applyUrl({ cityCode: city.code, reason, accountState, realNameVerified: realName }))
  }

  return (
    <View className='cx cw'>
      <View className='cx__hero'>
        <Text className='cx__title'>{W.title}</Text>
        <Text className='cx__intro'>{W.intro}</Text>
      </View>

      <Question title={W.cityTitle}>
        <CityPicker provinces={allProvinces()} city={city} onChange={change(setCity)} labels={W.cityPicker} />
        <Text className='cw__hint'>{W.cityHint}</Text>
      </Question>

      <Question title={W.reasonTitle}>
        <Radio.Group className='cw__options' value={reason ?? ''} onChange={(v) => change(setReason)(v as CancelReason)} data-testid='wiz-reasons'>
          {CANCEL_REASONS.map((r) => (
            <Radio key={r} className={`cw__option${reason === r ? ' cw__option--on' : ''}`} value={r} {...MARKS} data-testid={`wiz-reason-${r}`}>
              <View className='cw__option-body'>
                <Text className='cw__option-title'>{REASONS[r].title}</Text>
                <Text className='cw__option-hint'>{REASONS[r].hint}</Text>
              </View>
            </Radio>
          ))}
        </Radio.Group>
      </Question>

      <Question title={W.accountTitle} hint={W.accountHint}>
        <Radio.Group className='cw__options' value={accountState ?? ''} onChange={(v) => change(setAccountState)(v as AccountState)} data-testid='wiz-accounts'>
          {ACCOUNT_STATES.map((s) => (
            <Radio key={s} className={`cw__option${accountState === s ? ' cw__option--on' : ''}`} value={s} {...MARKS} data-testid={`wiz-account-${s}`}>
              <Text className='cw__option-title'>{ACCOUNT_STATE_LABELS[s]}</Text>
            </Radio>
          ))}
        </Radio.Group>
      </Question>

      <Question title={W.realNameTitle} hint={W.realNameHint}>
        <Radio.Group
          className='cw__yesno'
          direction='horizontal'
          value={realName === undefined ? '' : realName ? 'yes' : 'no'}
          onChange={(v) => change(setRealName)(v === 'yes')}
          data-testid='wiz-realname'
        >
          <Radio className='cw__yn' shape='button' value='yes' data-testid='wiz-realname-yes'>
            {W.yes}
          </Radio>
          <Radio className='cw__yn' shape='button' value='no' data-testid='wiz-realname-no'>
            {W.no}
          </Radio>
        </Radio.Group>
      </Question>

      <View className='cx__section cx__actions'>
        {!ready && <Text className='cx__warn cw__need'>{W.need}</Text>}
        <Button type='primary' size='xlarge' block disabled={!ready} onClick={check} data-testid='wiz-check'>
          {W.check}
        </Button>
      </View>

      {answer && (
        <View className='cx__section'>
          <Verdict answer={answer} onApply={apply} />
        </View>
      )}
    </View>
  )
}

export default pageRoot(EligibilityPage)
