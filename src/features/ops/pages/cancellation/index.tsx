import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Refresh, Tips } from '@nutui/icons-react-taro'
import { useRef, useState } from 'react'
import { operatorActions } from '@/domain/cancellation/cancellation.machine'
import { DecideApplicationInput } from '@/domain/cancellation/cancellation.schema'
import type { OpsApplicationDetail } from '@/domain/cancellation/cancellation.view'
import { ACCOUNT_STATE_LABELS } from '@/domain/cancellation/eligibility'
import { AppError } from '@/domain/errors'
import { formatInstant } from '@/domain/time'
import { fieldErrors } from '@/domain/validation'
import { applicationPhase } from '@/domain/cancellation/cancellation.phase'
import { EmptyState } from '@/components/status-view'
import { StatusHeader } from '@/components/case-view'
import { showToast } from '@/platform/device'
import { usePageQuery } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { decideCancellation, getCancellation } from '../../api'
import { ApplicationRejectSheet } from '../../components/application-reject-sheet'
import { ApproveDialog, type RefundInput } from '../../components/approve-dialog'
import { MaterialChecklist, MaterialFiles } from '../../components/application-materials'
import { OpsStatus } from '../../components/panel'
import { Card, Fact, Facts, Timeline } from '../../components/detail-parts'
import { newDecisionId } from '../../decision-input'
import { isApplicationId } from '../../routes'
import { useOpsRemote } from '../../use-ops-remote'
import './index.scss'
import { pageRoot } from '@/components/page-root'

/** The application moved on since the page loaded: the result cannot apply, the page shows what is there now. */
const OUTDATED = ['APPLICATION_STALE_RESULT', 'APPLICATION_INVALID_TRANSITION']
const isOutdated = (error: unknown) => error instanceof AppError && OUTDATED.includes(error.code)

function Header({ view, onRefresh, refreshing }: { view: OpsApplicationDetail; onRefresh: () => void; refreshing: boolean }) {
  return (
    <StatusHeader phase={applicationPhase(view.status)}>
      <View className='opa__header-row'>
        <Text className='opa__status' data-testid='ops-app-status' data-status={view.status}>
          {view.statusLabel}
        </Text>
        <Button size='small' fill='outline' className='opa__refresh' icon={<Refresh size={14} color='#ffffff' />} loading={refreshing} onClick={onRefresh} data-testid='ops-app-refresh'>
          {COPY.application.refresh}
        </Button>
      </View>
      {view.round > 0 && (
        <Text className='opa__round' data-testid='ops-app-round' data-round={view.round}>
          {COPY.applications.round(view.round)}
        </Text>
      )}
      <Text className='opa__what'>
        {view.reasonTitle} · {view.cityName}
      </Text>
    </StatusHeader>
  )
}

interface DecideProps {
  view: OpsApplicationDetail
  /** The result was recorded (or had been already): show the application as it is now. */
  onDecided: () => void
  /** The user resubmitted, or the result was recorded elsewhere: say so and show what is there now. */
  onOutdated: (message: string) => void
}

interface Asking {
  decision: 'approve' | 'reject'
  /** Made when the dialog opens and kept for every attempt from it, so the server applies the result once. */
  decisionId: string
}

/** 通过 / 不通过 for the round on screen. */
function Decide({ view, onDecided, onOutdated }: DecideProps) {
  const [asking, setAsking] = useState<Asking>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const sending = useRef(false)

  const ask = (decision: Asking['decision']) => {
    setError(undefined)
    setAsking({ decision, decisionId: newDecisionId() })
  }

  const send = (extra: { reason?: string; refund?: RefundInput }) => {
    if (!asking || sending.current) return
    const input = { applicationId: view.applicationId, round: view.round, decisionId: asking.decisionId, decision: asking.decision, ...extra }
    const problem = Object.values(fieldErrors(DecideApplicationInput, input))[0]
    if (problem) return setError(problem)
    sending.current = true
    setBusy(true)
    setError(undefined)
    decideCancellation(input)
      .then(({ effect }) => {
        setAsking(undefined)
        if (effect === 'duplicate') void showToast(COPY.application.duplicate)
        else void showToast(asking.decision === 'approve' ? COPY.application.approved : COPY.application.rejected, 'success')
        onDecided()
      })
      .catch((e: unknown) => {
        if (!isOutdated(e)) return setError(messageOf(e))
        setAsking(undefined)
        onOutdated(messageOf(e))
      })
      .finally(() => {
        sending.current = false
        setBusy(false)
      })
  }

  return (
    <Card title={COPY.application.actions} testId='ops-app-actions'>
      <Text className='ops-panel__note'>{COPY.application.actionsHint}</Text>
      <View className='opa__actions'>
        <Button type='success' size='large' disabled={busy} onClick={() => ask('approve')} data-testid='ops-app-approve'>
          {COPY.application.approve}
        </Button>
        <Button type='danger' size='large' disabled={busy} onClick={() => ask('reject')} data-testid='ops-app-reject'>
          {COPY.application.reject}
        </Button>
      </View>
      <ApproveDialog
        visible={asking?.decision === 'approve'}
        busy={busy}
        error={error}
        onCancel={() => !busy && setAsking(undefined)}
        onConfirm={(refund) => send(refund ? { refund } : {})}
      />
      <ApplicationRejectSheet
        visible={asking?.decision === 'reject'}
        busy={busy}
        error={error}
        onClose={() => !busy && setAsking(undefined)}
        onConfirm={(reason) => send({ reason })}
      />
    </Card>
  )
}

function People({ view }: { view: OpsApplicationDetail }) {
  return (
    <>
      <Card title={COPY.application.insured} testId='ops-app-insured'>
        <Facts layout='grid'>
          <Fact label={COPY.application.name} value={view.insured.name} testId='ops-app-insured-name' />
          <Fact label={COPY.application.phone} value={view.phoneMasked} testId='ops-app-phone' />
          <Fact label={COPY.application.idNumber} value={view.insured.idNumberMasked} testId='ops-app-id-number' wide />
        </Facts>
      </Card>
      {view.heir && (
        <Card title={COPY.application.heir} testId='ops-app-heir'>
          <Facts layout='grid'>
            <Fact label={COPY.application.name} value={view.heir.name} />
            <Fact label={COPY.application.relation} value={view.heir.relationLabel} />
            <Fact label={COPY.application.idNumber} value={view.heir.idNumberMasked} wide />
          </Facts>
        </Card>
      )}
      <Card title={COPY.application.bank} testId='ops-app-bank'>
        <Facts layout='grid'>
          <Fact label={COPY.application.bankName} value={view.bank.bankName} />
          <Fact label={COPY.application.holder} value={view.bank.holderName} />
          <Fact label={COPY.application.card} value={view.bank.cardMasked} testId='ops-app-card' wide />
        </Facts>
      </Card>
    </>
  )
}

function CaseFacts({ view }: { view: OpsApplicationDetail }) {
  return (
    <Card title={COPY.application.facts}>
      <Facts layout='grid'>
        <Fact label={COPY.application.reason} value={view.reasonTitle} wide />
        <Fact label={COPY.application.city} value={view.cityName} />
        <Fact label={COPY.application.reviewDaysLabel} value={COPY.application.reviewDays(view.reviewDays)} />
        <Fact label={COPY.application.accountState} value={ACCOUNT_STATE_LABELS[view.accountState]} wide />
        <Fact label={COPY.application.realName} value={view.realNameVerified ? COPY.application.realNameYes : COPY.application.realNameNo} />
        <Fact label={COPY.application.createdAt} value={formatInstant(view.createdAt)} />
        <Fact label={COPY.application.applicationId} value={view.applicationId} wide />
      </Facts>
    </Card>
  )
}

function Outcome({ view }: { view: OpsApplicationDetail }) {
  const { rejection, refund } = view
  return (
    <>
      {rejection && (
        <Card title={COPY.application.rejection} testId='ops-app-rejection'>
          <Text className='opa__rejection'>{rejection.reason}</Text>
          <Text className='ops-panel__note'>{formatInstant(rejection.at)}</Text>
        </Card>
      )}
      {refund && (
        <Card title={COPY.application.refund} testId='ops-app-refund'>
          <Facts layout='grid'>
            <Fact label={COPY.application.refundAmount} value={refund.amountLabel ?? COPY.application.notFilled} />
            <Fact label={COPY.application.refundDate} value={refund.date ?? COPY.application.notFilled} />
            <Fact label={COPY.application.refundMethod} value={refund.method} wide />
          </Facts>
        </Card>
      )}
    </>
  )
}

function ApplicationTimeline({ view }: { view: OpsApplicationDetail }) {
  const entries = view.timeline.map((entry, i) => ({ key: `${entry.to}-${entry.at}-${i}`, title: entry.label, meta: `${formatInstant(entry.at)} · ${COPY.application.actors[entry.actor] ?? entry.actor}`, reason: entry.reason, to: entry.to }))
  return <Timeline title={COPY.application.timeline} entries={entries} testId='ops-app-timeline' entryTestId='ops-app-timeline-entry' empty={COPY.application.noTimeline} />
}

function Decisions({ view }: { view: OpsApplicationDetail }) {
  return (
    <Card title={COPY.application.decisions} testId='ops-app-decisions'>
      {view.decisions.length === 0 && <Text className='ops-panel__note'>{COPY.application.noDecisions}</Text>}
      {view.decisions.map((d) => (
        <View key={d.decisionId} className='ops-line' data-testid='ops-app-decision' data-decision={d.decision} data-effect={d.effect}>
          <View className='ops-line__top'>
            <Text className={`opa__line-title${d.decision === 'reject' ? ' opa__line-title--bad' : ''}`}>
              {COPY.application.decisionNames[d.decision] ?? d.decision} · {COPY.applications.round(d.round)}
            </Text>
            <Text className={`ops-badge ops-badge--${d.effect === 'applied' ? 'ok' : 'off'}`}>{COPY.application.effects[d.effect] ?? d.effect}</Text>
          </View>
          <Text className='ops-line__meta'>{formatInstant(d.at)}</Text>
        </View>
      ))}
    </Card>
  )
}

function Notifications({ view }: { view: OpsApplicationDetail }) {
  return (
    <Card title={COPY.application.notifications} testId='ops-app-notifications'>
      {view.notifications.length === 0 && <Text className='ops-panel__note'>{COPY.application.noNotifications}</Text>}
      {view.notifications.map((n) => (
        <View key={n.id} className='ops-line' data-testid='ops-app-notification' data-status={n.status}>
          <View className='ops-line__top'>
            <Text className='opa__line-title opa__line-title--plain'>{COPY.application.notificationTitle}</Text>
            <Text className={`ops-badge ops-badge--${n.status === 'sent' ? 'ok' : n.status === 'failed' ? 'bad' : 'off'}`}>{n.statusText}</Text>
          </View>
          <Text className='ops-line__meta'>{formatInstant(n.at)}</Text>
        </View>
      ))}
    </Card>
  )
}

interface DetailProps {
  view: OpsApplicationDetail
  notice?: string
  refreshing: boolean
  onReload: () => void
  onOutdated: (message: string) => void
}

function ApplicationDetail({ view, notice, refreshing, onReload, onOutdated }: DetailProps) {
  return (
    <>
      <Header view={view} onRefresh={onReload} refreshing={refreshing} />
      <View className='opa__body'>
        {notice && (
          <View className='ops-panel__error' role='alert' data-testid='ops-app-notice'>
            {notice}
          </View>
        )}
        {operatorActions(view.status).length > 0 ? (
          <Decide view={view} onDecided={onReload} onOutdated={onOutdated} />
        ) : (
          view.status === 'submitted' && (
            <Card title={COPY.application.actions} testId='ops-app-forwarding'>
              <Text className='ops-panel__note'>{COPY.application.forwarding}</Text>
            </Card>
          )
        )}
        <Outcome view={view} />
        <People view={view} />
        <CaseFacts view={view} />
        <MaterialChecklist view={view} />
        <MaterialFiles view={view} />
        <ApplicationTimeline view={view} />
        <Decisions view={view} />
        <Notifications view={view} />
      </View>
    </>
  )
}

/**
 * One 社保账号注销 application as the operator reviews it: masked people and card, the proofs against the checklist,
 * the history, and — while the office has it — 通过 / 不通过 for the submission round on screen.
 */
function OpsApplicationPage() {
  const { applicationId: raw } = usePageQuery()
  const applicationId = isApplicationId(raw) ? raw : undefined
  /** Back from a PDF or the picture viewer: fresh proof URLs and the status as it is now. */
  const remote = useOpsRemote(() => (applicationId ? getCancellation(applicationId) : Promise.reject(new Error('no application'))), [applicationId], { reloadOnShow: true })
  const [notice, setNotice] = useState<string>()

  if (!applicationId) {
    return (
      <View className='opa' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.application.title} description={COPY.application.missing} />
      </View>
    )
  }
  const outdated = (message: string) => {
    setNotice(message)
    remote.reload()
  }
  const reload = () => {
    setNotice(undefined)
    remote.reload()
  }
  return (
    <View className='opa' data-testid='ops-app-detail' data-application-id={applicationId}>
      <OpsStatus remote={remote}>
        {remote.data && <ApplicationDetail view={remote.data} notice={notice} refreshing={remote.loading} onReload={reload} onOutdated={outdated} />}
      </OpsStatus>
    </View>
  )
}

export default pageRoot(OpsApplicationPage)
