import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import type { ApplicationSummary } from '@/domain/cancellation/cancellation.view'
import { HOTLINE } from '@/domain/cancellation/eligibility'
import { CITY_POLICIES, NATIONAL_DEFAULT, type CancellationPolicy, POLICY_FACTS } from '@/domain/cancellation/policy'
import { CANCEL_REASONS, REASONS } from '@/domain/cancellation/reasons'
import { isSourced } from '@/domain/sources/source'
import { formatInstant } from '@/domain/time'
import { applicationPhase } from '@/domain/cancellation/cancellation.phase'
import { CustomerService } from '@/components/customer-service'
import { StatusWord } from '@/components/case-view'
import { useRemote } from '@/hooks/use-remote'
import { openPage } from '@/platform/navigation'
import { COPY } from '../../copy'
import { listApplications } from '../../api'
import { detailUrl, eligibilityUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const G = COPY.guide

/** 我的申请: hidden while there is none; a failed load says so quietly, the guide below still reads. */
function MyApplications({ apps, error, onRetry }: { apps: ApplicationSummary[] | undefined; error?: string; onRetry: () => void }) {
  if (error && !apps) {
    return (
      <View className='cx__section'>
        <Text className='cx__warn' onClick={onRetry}>
          {G.listFailed}：{error}（{COPY.common.retry}）
        </Text>
      </View>
    )
  }
  if (!apps || apps.length === 0) return null
  return (
    <View className='cx__section' data-testid='cancel-apps'>
      <Text className='cx__section-title'>{G.myApps}</Text>
      <View className='cg__apps'>
        {apps.map((a) => (
          <View key={a.applicationId} className='cg__app' onClick={() => openPage(detailUrl(a.applicationId))} data-testid='cancel-app-row' data-status={a.status} data-application-id={a.applicationId}>
            <View className='cg__app-main'>
              <Text className='cg__app-title'>{a.reasonTitle}</Text>
              <Text className='cg__app-meta'>
                {a.cityName} · {G.createdAt(formatInstant(a.createdAt).slice(0, 10))}
              </Text>
            </View>
            <StatusWord phase={applicationPhase(a.status)}>{a.statusLabel}</StatusWord>
            <ArrowRight size={16} color='#bfbfbf' />
          </View>
        ))}
      </View>
    </View>
  )
}

function Terms() {
  return (
    <View className='cx__section' data-testid='guide-terms'>
      <Text className='cx__section-title'>{G.termsTitle}</Text>
      <Bullets items={G.terms} />
    </View>
  )
}

function Reasons() {
  return (
    <View className='cx__section'>
      <Text className='cx__section-title'>{G.whyTitle}</Text>
      <Text className='cx__section-hint'>{G.whyIntro}</Text>
      {CANCEL_REASONS.map((key) => {
        const r = REASONS[key]
        return (
          <View key={key} className={`cx__card cg__reason${r.cancellable ? '' : ' cg__reason--no'}`} data-testid={`guide-reason-${key}`}>
            <Text className='cg__reason-title'>
              {r.title}
              <Text className={`cg__flag cg__flag--${r.cancellable ? 'yes' : 'no'}`}>{r.cancellable ? G.cancellable : G.notCancellable}</Text>
            </Text>
            <Text className='cx__small cg__reason-hint'>{r.hint}</Text>
            {r.refund && (
              <Text className='cx__text'>
                <Text className='cg__em'>{G.refundLabel}：</Text>
                {r.refund}
              </Text>
            )}
            {r.instead && (
              <Text className='cx__text cg__instead'>
                <Text className='cg__em'>{G.insteadLabel}：</Text>
                {r.instead}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}

function Bullets({ items }: { items: readonly string[] }) {
  return (
    <View className='cx__card cx__list'>
      {items.map((item) => (
        <Text key={item} className='cx__item'>
          {item}
        </Text>
      ))}
    </View>
  )
}

function Steps() {
  return (
    <View className='cx__section'>
      <Text className='cx__section-title'>{G.stepsTitle}</Text>
      <View className='cx__card cg__steps' data-testid='guide-steps'>
        {G.steps.map((s, i) => (
          <View key={s.title} className='cg__step'>
            <Text className='cg__step-no'>{i + 1}</Text>
            <View className='cg__step-body'>
              <Text className='cg__step-title'>{s.title}</Text>
              <Text className='cg__step-text'>{s.body}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}

/** One region's rules; the name shares its line with the online flag. */
function Region({ policy, note }: { policy: CancellationPolicy; note?: string }) {
  return (
    <View className='cg__region' data-testid={`guide-region-${policy.id}`} data-online={policy.online}>
      <Text className='cg__region-head'>
        {policy.regionName}
        <Text className={`cg__flag cg__flag--${policy.online ? 'yes' : 'counter'}`}>{(policy.online ? G.online : G.offline) + (isSourced(policy.evidence.online) ? '' : G.referenceMark)}</Text>
      </Text>
      <Text className='cg__region-row'>
        <Text className='cg__em'>{G.reviewLabel}：</Text>
        {isSourced(policy.evidence.reviewDays) ? COPY.common.workingDays(policy.reviewDays) : COPY.common.workingDaysReference(policy.reviewDays)}
      </Text>
      <Text className='cg__region-row'>
        <Text className='cg__em'>{G.refundMethodLabel}：</Text>
        {policy.refundMethod}
      </Text>
      {policy.channel && (
        <Text className='cg__region-row'>
          <Text className='cg__em'>{G.channelLabel}：</Text>
          {policy.channel}
        </Text>
      )}
      {note && <Text className='cg__region-note'>{note}</Text>}
      {POLICY_FACTS.some((f) => !isSourced(policy.evidence[f])) && (
        <Text className='cx__small cg__reference' data-testid='guide-region-reference'>
          {COPY.common.reference}
        </Text>
      )}
    </View>
  )
}

function Regions() {
  return (
    <View className='cx__section'>
      <Text className='cx__section-title'>{G.regionTitle}</Text>
      <Text className='cx__section-hint'>{G.regionIntro}</Text>
      <View className='cx__card cg__regions' data-testid='guide-regions'>
        {CITY_POLICIES.map((p) => (
          <Region key={p.id} policy={p} />
        ))}
        <Region policy={NATIONAL_DEFAULT} note={G.defaultNote} />
      </View>
    </View>
  )
}

function Faq() {
  return (
    <View className='cx__section'>
      <Text className='cx__section-title'>{G.faqTitle}</Text>
      <View className='cx__card cg__faq' data-testid='guide-faq'>
        {G.faq.map((f) => (
          <View key={f.q} className='cg__qa'>
            <Text className='cg__q'>{f.q}</Text>
            <Text className='cg__a'>{f.a}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function CancellationGuidePage() {
  /** Back from an application: its status may have changed. */
  const apps = useRemote(listApplications, [], { reloadOnShow: true })

  return (
    <View className='cx cg'>
      <View className='cx__hero'>
        <Text className='cx__title'>{G.title}</Text>
        <Text className='cx__intro'>{G.intro}</Text>
      </View>
      <MyApplications apps={apps.data} error={apps.error} onRetry={apps.reload} />
      <View className='cx__section'>
        <Button type='primary' size='xlarge' block onClick={() => openPage(eligibilityUrl())} data-testid='cancel-start'>
          {G.start}
        </Button>
      </View>
      <Terms />
      <Reasons />
      <View className='cx__section'>
        <Text className='cx__section-title'>{G.premiseTitle}</Text>
        <Bullets items={G.premises} />
      </View>
      <Steps />
      <Regions />
      <View className='cx__section'>
        <Text className='cx__section-title'>{G.notesTitle}</Text>
        <Bullets items={G.notes} />
      </View>
      <Faq />
      <View className='cx__section'>
        <Button type='primary' size='xlarge' block onClick={() => openPage(eligibilityUrl())} data-testid='cancel-start-bottom'>
          {G.start}
        </Button>
      </View>
      <View className='cx__section'>
        <CustomerService hotline={HOTLINE} />
      </View>
    </View>
  )
}

export default pageRoot(CancellationGuidePage)
