import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { Checked } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { formatInstant } from '@/domain/time'
import { lossPhase } from '@/domain/card-loss/card-loss.phase'
import { EmptyState } from '@/components/status-view'
import { tagTypeOf } from '@/components/case-view'
import { openPage } from '@/platform/navigation'
import { COPY } from '../copy'
import { LOSS_QUEUES, getLossCases, type LossQueue, type OpsLossRow } from '../api'
import { opsLossUrl } from '../routes'
import { useOpsRemote } from '../use-ops-remote'
import { OpsStatus, PanelHead } from './panel'
import './loss-panel.scss'

const L = COPY.loss

function LossRow({ row }: { row: OpsLossRow }) {
  return (
    <View className='ops-panel__card loss-row' onClick={() => openPage(opsLossUrl(row.caseId))} data-testid='ops-loss-row' data-case-id={row.caseId} data-status={row.status}>
      <View className='loss-row__top'>
        <Text className='loss-row__name'>{row.holderName}</Text>
        <Tag type={tagTypeOf(lossPhase(row.status))} background={tagTypeOf(lossPhase(row.status)) === 'default' ? '#8c8c8c' : undefined} className='loss-row__status'>
          {row.statusLabel}
        </Tag>
      </View>
      <Text className='loss-row__what'>
        {L.what} · {row.cityName}
      </Text>
      <View className='loss-row__facts'>
        <View className='loss-row__fact'>
          <Text className='ops-panel__label'>{L.idNumber}</Text>
          <Text className='ops-panel__value'>{row.idNumberMasked}</Text>
        </View>
        <View className='loss-row__fact'>
          <Text className='ops-panel__label'>{L.receiptNumber}</Text>
          <Text className='ops-panel__value'>{row.receiptNumber ?? L.none}</Text>
        </View>
        <View className='loss-row__fact'>
          <Text className='ops-panel__label'>{L.updatedAt}</Text>
          <Text className='ops-panel__value'>{formatInstant(row.updatedAt)}</Text>
        </View>
      </View>
      <View className='loss-row__foot'>
        <Text className='loss-row__id'>{row.caseId}</Text>
        <Text className='loss-row__more'>›</Text>
      </View>
    </View>
  )
}

/** 挂失补卡: reissue requests to approve or reject, approved ones waiting for the card, and the finished ones. */
export function LossPanel() {
  const [queue, setQueue] = useState<LossQueue>('open')
  /** Back from a case: show the queue as it is now. */
  const cases = useOpsRemote(() => getLossCases(queue), [queue], { reloadOnShow: true })
  const rows = cases.data

  return (
    <View className='loss-panel' data-testid='ops-loss-panel' data-queue={queue}>
      <PanelHead title={L.title} intro={L.intro} onRefresh={cases.reload} loading={cases.loading} refreshTestId='ops-loss-refresh' />
      <View className='loss-panel__filters' role='tablist'>
        {LOSS_QUEUES.map((q) => (
          <View
            key={q}
            className={`loss-panel__filter${q === queue ? ' loss-panel__filter--active' : ''}`}
            onClick={() => setQueue(q)}
            role='tab'
            aria-selected={q === queue}
            data-testid={`ops-loss-filter-${q}`}
          >
            {L.filters[q]}
          </View>
        ))}
      </View>
      <OpsStatus remote={cases}>
        {rows && rows.length === 0 && (
          <View data-testid='ops-loss-empty'>
            <EmptyState image={<Checked size={64} color='#bfbfbf' />} title={L.empty[queue]} description={queue === 'open' ? L.emptyHint : undefined} />
          </View>
        )}
        {rows && rows.length > 0 && (
          <View className='ops-panel__body'>
            <Text className='ops-panel__note'>{L.count(rows.length)}</Text>
            {rows.map((row) => (
              <LossRow key={row.caseId} row={row} />
            ))}
          </View>
        )}
      </OpsStatus>
    </View>
  )
}
