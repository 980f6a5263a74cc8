import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { Checklist } from '@nutui/icons-react-taro'
import type { OpsApplicationRow } from '@/domain/cancellation/cancellation.view'
import { formatInstant } from '@/domain/time'
import { applicationPhase } from '@/domain/cancellation/cancellation.phase'
import { EmptyState } from '@/components/status-view'
import { tagTypeOf } from '@/components/case-view'
import { openPage } from '@/platform/navigation'
import { COPY } from '../copy'
import { getCancellations } from '../api'
import { opsCancellationUrl } from '../routes'
import { useOpsRemote } from '../use-ops-remote'
import { OpsStatus, PanelHead } from './panel'
import './application-panel.scss'

/** The queues the operator picks from, in the order the filter shows them. */
export const APPLICATION_FILTERS = ['open', 'approved', 'rejected', 'draft'] as const
export type ApplicationFilter = (typeof APPLICATION_FILTERS)[number]

function ApplicationRow({ row }: { row: OpsApplicationRow }) {
  const facts: Array<[string, string]> = [
    [COPY.applications.idNumber, row.idNumberMasked],
    [COPY.applications.materials, COPY.applications.materialsCount(row.materialsCount)],
    [COPY.applications.updatedAt, formatInstant(row.updatedAt)],
  ]
  return (
    <View
      className='ops-panel__card app-row'
      onClick={() => openPage(opsCancellationUrl(row.applicationId))}
      data-testid='ops-app-row'
      data-application-id={row.applicationId}
      data-status={row.status}
    >
      <View className='app-row__top'>
        <Text className='app-row__name'>{row.insuredName}</Text>
        <Tag type={tagTypeOf(applicationPhase(row.status))} background={tagTypeOf(applicationPhase(row.status)) === 'default' ? '#8c8c8c' : undefined} className='app-row__status'>
          {row.statusLabel}
        </Tag>
      </View>
      <Text className='app-row__what'>
        {row.reasonTitle} · {row.cityName}
      </Text>
      <View className='app-row__facts'>
        {facts.map(([label, value]) => (
          <View key={label} className='app-row__fact'>
            <Text className='ops-panel__label'>{label}</Text>
            <Text className='ops-panel__value'>{value}</Text>
          </View>
        ))}
      </View>
      <View className='app-row__foot'>
        <Text className='app-row__round'>{COPY.applications.round(row.round)}</Text>
        {row.missing > 0 && <Text className='app-row__missing'>{COPY.applications.missing(row.missing)}</Text>}
        <Text className='app-row__id'>{row.applicationId}</Text>
        <Text className='app-row__more'>›</Text>
      </View>
    </View>
  )
}

interface Props {
  /** Kept by the console, so coming back to 注销申请 shows the same queue. */
  filter: ApplicationFilter
  onFilter: (filter: ApplicationFilter) => void
}

/** 社保账号注销 applications by queue: the ones waiting for review first, oldest first. Tap one to review it. */
export function ApplicationPanel({ filter, onFilter }: Props) {
  /** Back from an application the operator decided: the queue shows where it went. */
  const remote = useOpsRemote(() => getCancellations(filter).then((rows) => ({ filter, rows })), [filter], { reloadOnShow: true })
  /** Another queue starts from its own loading state, never from the last queue's rows. */
  const list = { ...remote, data: remote.data?.filter === filter ? remote.data.rows : undefined }

  const rows = list.data ?? []
  return (
    <View className='app-panel'>
      <PanelHead title={COPY.applications.title} intro={COPY.applications.intro} onRefresh={remote.reload} loading={remote.loading} refreshTestId='ops-app-refresh' />
      <View className='app-panel__filters' role='tablist'>
        {APPLICATION_FILTERS.map((f) => (
          <View
            key={f}
            className={`app-panel__filter${f === filter ? ' app-panel__filter--on' : ''}`}
            onClick={() => onFilter(f)}
            data-testid={`ops-app-filter-${f}`}
            data-active={f === filter ? 'true' : 'false'}
            role='tab'
            aria-selected={f === filter}
          >
            {COPY.applications.filters[f]}
          </View>
        ))}
      </View>
      <OpsStatus remote={list}>
        {rows.length === 0 ? (
          <EmptyState image={<Checklist size={72} color='#bfbfbf' />} title={COPY.applications.empty[filter]} description={COPY.applications.emptyHint[filter]} testId='ops-app-empty' />
        ) : (
          <View className='ops-panel__body' data-testid='ops-app-list' data-filter={filter}>
            <Text className='ops-panel__note'>{COPY.applications.count(rows.length)}</Text>
            {rows.map((row) => (
              <ApplicationRow key={row.applicationId} row={row} />
            ))}
          </View>
        )}
      </OpsStatus>
    </View>
  )
}
