import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ArrowRight, Lock, Order } from '@nutui/icons-react-taro'
import { FROZEN_BY, LOSS_VS_CANCELLATION, frozenFunctions } from '@/domain/card-loss/card-functions'
import { LOSS_POLICIES, NATIONAL_LOSS_DEFAULT, feeLabel, type LossFact, type LossPolicy } from '@/domain/card-loss/card-loss.policy'
import { isSourced } from '@/domain/sources/source'
import { isProvinceOnly } from '@/domain/region'
import { SOCIAL_SECURITY_HOTLINE } from '@/domain/services'
import { formatInstant } from '@/domain/time'
import { lossPhase } from '@/domain/card-loss/card-loss.phase'
import { CustomerService } from '@/components/customer-service'
import { EmptyState, RemoteView } from '@/components/status-view'
import { StatusWord } from '@/components/case-view'
import { useRemote } from '@/hooks/use-remote'
import { openPage } from '@/platform/navigation'
import { COPY } from '../../copy'
import { listLosses } from '../../api'
import { FunctionList } from '../../components/function-list'
import { lossDetailUrl, reportUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const I = COPY.index

/** The region an entry covers: a province's entry reads 广东省（深圳市、东莞市除外）. */
function regionLabel(p: LossPolicy): string {
  if (!p.regionCode || !isProvinceOnly(p.regionCode)) return p.regionName
  const prefix = p.regionCode.slice(0, 2)
  const except = LOSS_POLICIES.filter((o) => o.regionCode && o.regionCode !== p.regionCode && o.regionCode.startsWith(prefix)).map((o) => o.regionName)
  return I.provinceRest(p.regionName, except.join('、'))
}

/** What differs by region, from the policy table: one line of notes per entry. */
function ruleNotes(p: LossPolicy): string {
  const r = I.rules
  const sourced = (f: LossFact) => isSourced(p.evidence[f])
  const notes: string[] = sourced('formalOnline') ? [p.formalOnline ? r.formalOnline : r.formalOffline] : []
  if (sourced('reissueOnline') && !p.reissueOnline) notes.push(r.reissueOffline)
  notes.push(feeLabel(p))
  if (sourced('delivery') && p.delivery.includes('mail')) notes.push(r.mail)
  return notes.join('，')
}

function Compare() {
  const { loss, cancellation } = LOSS_VS_CANCELLATION
  return (
    <View className='lx__section' data-testid='loss-vs-cancel'>
      <Text className='lx__section-title'>{I.compareTitle}</Text>
      <View className='lgi__compare'>
        <View className='lgi__compare-head'>
          <Text className='lgi__compare-col lgi__compare-col--loss'>{loss.title}</Text>
          <Text className='lgi__compare-col lgi__compare-col--cancel'>{cancellation.title}</Text>
        </View>
        {I.compareRows.map((row) => (
          <View key={row.key} className='lgi__compare-row'>
            <Text className='lgi__compare-label'>{row.label}</Text>
            <Text className='lgi__compare-cell lgi__compare-cell--loss'>{loss[row.key]}</Text>
            <Text className='lgi__compare-cell'>{cancellation[row.key]}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function Kinds() {
  const temporary = frozenFunctions('temporary')
  return (
    <View className='lx__section' data-testid='loss-kinds'>
      <Text className='lx__section-title'>{I.kindsTitle}</Text>
      <View className='lx__card'>
        <Text className='lx__card-title lgi__kind lgi__kind--temporary'>{I.temporary.title}</Text>
        <Text className='lx__text'>{I.temporary.how}</Text>
        <FunctionList title={I.freezes} functions={FROZEN_BY.temporary} tone='frozen' />
        <FunctionList title={I.keeps} functions={temporary.working} tone='working' />
        <Text className='lx__warn'>{I.temporary.lapse}</Text>
      </View>
      <View className='lx__card'>
        <Text className='lx__card-title lgi__kind lgi__kind--formal'>{I.formal.title}</Text>
        <Text className='lx__text'>{I.formal.how}</Text>
        <FunctionList title={I.freezes} functions={FROZEN_BY.formal} tone='frozen' />
        <Text className='lx__info'>{I.formal.lapse}</Text>
      </View>
    </View>
  )
}

function After() {
  return (
    <View className='lx__section'>
      <View className='lx__card'>
        <Text className='lx__card-title'>{I.liftTitle}</Text>
        <Text className='lx__text'>{I.lift}</Text>
      </View>
      <View className='lx__card'>
        <Text className='lx__card-title'>{I.reissueTitle}</Text>
        <View className='lx__list'>
          {I.reissue.map((line) => (
            <Text key={line} className='lx__item'>
              {line}
            </Text>
          ))}
        </View>
      </View>
    </View>
  )
}

/**
 * Each region's rules as a table. The days stand alone in their column (the heading says 天), which also keeps the
 * explainer from repeating the report page's "有效 N 天" sentence.
 */
function Rules() {
  return (
    <View className='lx__section' data-testid='loss-rules'>
      <Text className='lx__section-title'>{I.rulesTitle}</Text>
      <View className='lgi__rules'>
        <View className='lgi__rules-row lgi__rules-row--head'>
          <Text className='lgi__rules-cell'>{I.rulesHead.region}</Text>
          <Text className='lgi__rules-cell lgi__rules-cell--days'>{I.rulesHead.days}</Text>
          <Text className='lgi__rules-cell'>{I.rulesHead.notes}</Text>
        </View>
        {[NATIONAL_LOSS_DEFAULT, ...LOSS_POLICIES].map((p) => (
          <View key={p.id} className='lgi__rules-row' data-region={p.id}>
            <Text className='lgi__rules-cell lgi__rules-region'>{regionLabel(p)}</Text>
            <Text className='lgi__rules-cell lgi__rules-cell--days lgi__rules-days'>{isSourced(p.evidence.temporaryDays) ? p.temporaryDays : I.rules.reference(p.temporaryDays)}</Text>
            <Text className='lgi__rules-cell'>{ruleNotes(p)}</Text>
          </View>
        ))}
      </View>
      <Text className='lx__section-hint'>{I.rulesHint}</Text>
    </View>
  )
}

function MyLosses() {
  /** Back from a report or a detail page: show the cases as they are now. */
  const remote = useRemote(listLosses, [], { reloadOnShow: true })
  return (
    <View className='lx__section' data-testid='loss-list'>
      <Text className='lx__section-title'>{I.mineTitle}</Text>
      <RemoteView remote={remote}>
        {remote.data && remote.data.length === 0 && (
          <View data-testid='loss-empty'>
            <EmptyState image={<Order size={64} color='#bfbfbf' />} title={I.empty} description={I.emptyHint} />
          </View>
        )}
        {remote.data && remote.data.length > 0 && (
          <View className='lgi__rows'>
            {remote.data.map((c) => (
              <View key={c.caseId} className='lgi__row' onClick={() => openPage(lossDetailUrl(c.caseId))} data-testid='loss-row' data-status={c.status} data-case-id={c.caseId}>
                <View className='lgi__row-main'>
                  <Text className='lgi__row-title'>
                    {c.cityName} · {c.holderName}
                  </Text>
                  <Text className='lgi__row-meta'>
                    {I.createdAt} {formatInstant(c.createdAt)}
                  </Text>
                </View>
                <StatusWord phase={lossPhase(c.status)}>{c.statusLabel}</StatusWord>
                <ArrowRight size={16} color='#bfbfbf' />
              </View>
            ))}
          </View>
        )}
      </RemoteView>
    </View>
  )
}

/** 社保卡挂失: what a report does (and how it differs from a cancellation), the user's cases, and 我要挂失. */
function CardLossPage() {
  return (
    <View className='lx'>
      <View className='lx__hero'>
        <Text className='lx__title'>{COPY.title}</Text>
        <Text className='lx__intro'>{I.intro}</Text>
      </View>
      <View className='lx__section'>
        <Button type='primary' size='xlarge' block icon={<Lock size={22} />} onClick={() => openPage(reportUrl())} data-testid='loss-start'>
          {I.start}
        </Button>
      </View>
      <MyLosses />
      <Compare />
      <Kinds />
      <After />
      <Rules />
      <View className='lx__section'>
        <CustomerService hotline={SOCIAL_SECURITY_HOTLINE} />
      </View>
    </View>
  )
}

export default pageRoot(CardLossPage)
