import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Edit, Refresh, Upload } from '@nutui/icons-react-taro'
import type { ApplicationView } from '@/domain/cancellation/cancellation.view'
import { HOTLINE } from '@/domain/cancellation/eligibility'
import { AppError } from '@/domain/errors'
import { formatInstant } from '@/domain/time'
import { applicationPhase } from '@/domain/cancellation/cancellation.phase'
import { CANCELLATION_MACHINE } from '@/domain/cancellation/cancellation.machine'
import { CustomerService } from '@/components/customer-service'
import { RemoteView } from '@/components/status-view'
import { StatusHeader, Timeline } from '@/components/case-view'
import { useRemote } from '@/hooks/use-remote'
import { openPage, usePageQuery } from '@/platform/navigation'
import { COPY } from '../../copy'
import { getApplication } from '../../api'
import { ApplicationInfo } from '../../components/application-info'
import { MaterialFiles } from '../../components/material-files'
import { editUrl, isApplicationId, materialsUrl, reviewUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const D = COPY.detail

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Cell
      title={<Text className='cdt__label'>{label}</Text>}
      extra={
        <Text className='cdt__value' data-testid={testId}>
          {value}
        </Text>
      }
    />
  )
}

function Header({ view, onRefresh, refreshing }: { view: ApplicationView; onRefresh: () => void; refreshing: boolean }) {
  return (
    <StatusHeader phase={applicationPhase(view.status)}>
      <View className='cdt__header-top'>
        <Text className={`cdt__status${view.status === 'approved' ? ' cdt__status--big' : ''}`} data-testid='app-status' data-status={view.status}>
          {view.statusLabel}
        </Text>
        <View className='cdt__refresh' onClick={onRefresh} data-testid='app-refresh' data-busy={refreshing}>
          <Refresh size={16} color='#fff' />
          <Text>{COPY.common.refresh}</Text>
        </View>
      </View>
      <Text className='cdt__what'>
        {view.reasonTitle} · {view.cityName}
      </Text>
    </StatusHeader>
  )
}

function Draft({ view }: { view: ApplicationView }) {
  return (
    <View className='cx__card'>
      <Text className='cx__warn'>{D.draft}</Text>
      {view.canSubmit && (
        <Button type='primary' size='xlarge' block onClick={() => openPage(reviewUrl(view.applicationId))} data-testid='app-review'>
          {D.toReview}
        </Button>
      )}
      <Button type='primary' fill={view.canSubmit ? 'outline' : 'solid'} size='xlarge' block icon={<Upload size={20} />} onClick={() => openPage(materialsUrl(view.applicationId))} data-testid='app-continue'>
        {D.continue}
      </Button>
      <Button size='large' block fill='outline' icon={<Edit size={18} />} onClick={() => openPage(editUrl(view.applicationId))} data-testid='app-edit'>
        {D.edit}
      </Button>
    </View>
  )
}

function Rejected({ view }: { view: ApplicationView }) {
  return (
    <View className='cx__card cdt__rejected' role='alert' data-testid='app-rejection'>
      <Text className='cdt__rejected-title'>{D.rejectedTitle}</Text>
      {view.rejection && (
        <>
          <Text className='cdt__reason'>
            {D.reason}：{view.rejection.reason}
          </Text>
          <Text className='cx__small'>{D.rejectedAt(formatInstant(view.rejection.at))}</Text>
        </>
      )}
      <Text className='cx__text'>{D.fixHint}</Text>
      <Button type='danger' size='xlarge' block icon={<Upload size={20} />} onClick={() => openPage(materialsUrl(view.applicationId))} data-testid='app-fix'>
        {D.fix}
      </Button>
      <Button size='large' block fill='outline' icon={<Edit size={18} />} onClick={() => openPage(editUrl(view.applicationId))} data-testid='app-edit'>
        {D.edit}
      </Button>
    </View>
  )
}

function Refund({ view }: { view: ApplicationView }) {
  const refund = view.refund
  return (
    <View className='cx__card cdt__refund' data-testid='app-refund'>
      <Text className='cx__card-title'>{D.refundTitle}</Text>
      <View className='cdt__amount'>
        <Text className='cdt__label'>{D.amount}</Text>
        <Text className={refund?.amountLabel ? 'cdt__amount-value' : 'cdt__pending'} data-testid='app-refund-amount'>
          {refund?.amountLabel ?? D.amountPending}
        </Text>
      </View>
      <View className='cdt__pairs'>
        <View className='cdt__pair'>
          <Text className='cdt__label'>{D.date}</Text>
          <Text className='cdt__pair-value' data-testid='app-refund-date'>
            {refund?.date ?? D.datePending}
          </Text>
        </View>
        <View className='cdt__pair'>
          <Text className='cdt__label'>{D.account}</Text>
          <Text className='cdt__pair-value' data-testid='app-refund-account'>
            {view.bank.bankName} {view.bank.cardMasked}（{view.bank.holderName}）
          </Text>
        </View>
        {refund?.method && (
          <View className='cdt__pair'>
            <Text className='cdt__label'>{D.method}</Text>
            <Text className='cdt__pair-value'>{refund.method}</Text>
          </View>
        )}
      </View>
      <Text className='cdt__approved-note'>{D.approvedNote}</Text>
    </View>
  )
}

function ApplicationTimeline({ view }: { view: ApplicationView }) {
  const entries = view.timeline.map((entry, i) => ({
    key: `${entry.to}-${entry.at}-${i}`,
    title: i === 0 && entry.to === 'draft' ? D.created : entry.label,
    meta: formatInstant(entry.at),
    reason: entry.reason,
    to: entry.to,
  }))
  return <Timeline title={D.timeline} entries={entries} testId='app-timeline' />
}

function Detail({ view }: { view: ApplicationView }) {
  return (
    <View className='cdt__body'>
      {CANCELLATION_MACHINE.canFire(view.status, 'submit', 'user') && <Draft view={view} />}
      {(view.status === 'submitted' || view.status === 'reviewing') && (
        <Text className='cx__info' data-testid='app-reviewing'>
          {D.reviewing(view.reviewDays)}
        </Text>
      )}
      {CANCELLATION_MACHINE.canFire(view.status, 'resubmit', 'user') && <Rejected view={view} />}
      {view.status === 'approved' && <Refund view={view} />}
      <ApplicationTimeline view={view} />
      <View>
        <ApplicationInfo view={view} />
      </View>
      <View className='cx__card' data-testid='app-materials'>
        <Text className='cx__card-title'>{D.materials}</Text>
        {view.materials.length > 0 ? <MaterialFiles files={view.materials} showKind /> : <Text className='cx__small'>{D.noMaterials}</Text>}
      </View>
      <CellGroup className='cdt__meta'>
        <Row label={D.number} value={view.applicationId} testId='app-id' />
        <Row label={D.createdAt} value={formatInstant(view.createdAt)} />
      </CellGroup>
      <CustomerService hotline={HOTLINE} />
    </View>
  )
}

function ApplicationDetailPage() {
  const { applicationId: raw } = usePageQuery()
  const applicationId = isApplicationId(raw) ? raw : undefined
  /** Back from the proofs, the form or the review: show the application as it is now. */
  const remote = useRemote(() => (applicationId ? getApplication(applicationId) : Promise.reject(new AppError('VALIDATION_FAILED', COPY.common.missingId))), [applicationId], { reloadOnShow: true })
  const view = remote.data
  return (
    <View className='cx cdt'>
      <RemoteView remote={remote} retry={!!applicationId}>
        {view && (
          <>
            <Header view={view} onRefresh={remote.reload} refreshing={remote.loading} />
            <Detail view={view} />
          </>
        )}
      </RemoteView>
    </View>
  )
}

export default pageRoot(ApplicationDetailPage)
