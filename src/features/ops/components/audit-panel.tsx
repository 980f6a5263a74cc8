import { View, Text } from '@tarojs/components'
import { List } from '@nutui/icons-react-taro'
import type { AuditEntry } from '@/domain/ops/ops.view'
import { formatInstant } from '@/domain/time'
import { EmptyState } from '@/components/status-view'
import { openPage } from '@/platform/navigation'
import { COPY } from '../copy'
import { getAudit } from '../api'
import { isApplicationId, isOrderId, opsCancellationUrl, opsDetailUrl } from '../routes'
import { useOpsRemote } from '../use-ops-remote'
import { OpsStatus, PanelHead } from './panel'
import './audit-panel.scss'

/** Actions are named `<subject>.<verb>` (photo.reveal, order.refund); the verb says what happened. */
const actionLabel = (action: string) => COPY.audit.actions[action.split('.').pop() ?? action] ?? action

/**
 * A target is an order id, or an outbox entry of an order (`od_…#n`); both open the order. A cancellation
 * application (`ca_…`) opens the application.
 */
const pageOf = (target: string) => {
  const id = target.split('#')[0]
  if (isOrderId(id)) return opsDetailUrl(id)
  return isApplicationId(id) ? opsCancellationUrl(id) : undefined
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const url = pageOf(entry.target)
  return (
    <View className='ops-panel__card audit' data-testid='audit-entry' data-action={entry.action} data-target={entry.target}>
      <View className='audit__top'>
        <Text className='audit__action'>{actionLabel(entry.action)}</Text>
        <Text className='audit__at'>{formatInstant(entry.at)}</Text>
      </View>
      <Text className='audit__operator' data-testid='audit-operator'>
        {COPY.audit.operator} {entry.operator}
      </Text>
      <View className='audit__target' onClick={url ? () => openPage(url) : undefined}>
        <Text className='ops-panel__label'>{COPY.audit.target}</Text>
        <Text className={`audit__target-id${url ? ' audit__target-id--link' : ''}`}>{entry.target}</Text>
      </View>
      {entry.reason && (
        <View className='audit__reason'>
          <Text className='ops-panel__label'>{COPY.audit.reason}</Text>
          <Text className='ops-panel__value'>{entry.reason}</Text>
        </View>
      )}
    </View>
  )
}

/** Who looked at what and did what, newest first. */
export function AuditPanel() {
  const audit = useOpsRemote(getAudit)
  const entries = audit.data ?? []
  return (
    <View className='audit-panel'>
      <PanelHead title={COPY.audit.title} intro={COPY.audit.intro} onRefresh={audit.reload} loading={audit.loading} refreshTestId='audit-refresh' />
      <OpsStatus remote={audit}>
        {entries.length === 0 ? (
          <EmptyState image={<List size={72} color='#bfbfbf' />} title={COPY.audit.empty} testId='audit-empty' />
        ) : (
          <View className='ops-panel__body' data-testid='audit-list'>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </View>
        )}
      </OpsStatus>
    </View>
  )
}
