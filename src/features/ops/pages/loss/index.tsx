import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Tips } from '@nutui/icons-react-taro'
import { useRef, useState } from 'react'
import { LOSS_MACHINE } from '@/domain/card-loss/card-loss.machine'
import { formatYuan } from '@/domain/order/prices'
import { formatInstant } from '@/domain/time'
import { lossPhase } from '@/domain/card-loss/card-loss.phase'
import { EmptyState } from '@/components/status-view'
import { StatusHeader } from '@/components/case-view'
import { showToast } from '@/platform/device'
import { usePageQuery } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { decideReissue, getLossDetail, type LossDecision, type OpsLossDetail } from '../../api'
import { newDecisionId } from '../../decision-input'
import { OpsStatus } from '../../components/panel'
import { Card, Fact, Facts, Timeline } from '../../components/detail-parts'
import { ReasonDialog } from '../../components/reason-dialog'
import { isLossCaseId } from '../../routes'
import { useOpsRemote } from '../../use-ops-remote'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const L = COPY.loss

/**
 * Approve or reject a reissue request, or record the card as made. Each decision carries an id made once per tap
 * (per dialog for 不通过) and sent again on a retry, so a double tap or a lost answer is applied only once.
 */
function Actions({ lossCase, onChanged }: { lossCase: OpsLossDetail; onChanged: () => void }) {
  const pending = useRef<Partial<Record<LossDecision, string>>>({})
  const [busy, setBusy] = useState<LossDecision>()
  const [error, setError] = useState<string>()
  const [rejecting, setRejecting] = useState(false)
  const [rejectError, setRejectError] = useState<string>()

  const decide = (decision: LossDecision, reason?: string) => {
    if (busy) return
    const decisionId = (pending.current[decision] ??= newDecisionId())
    setBusy(decision)
    setError(undefined)
    setRejectError(undefined)
    decideReissue({ caseId: lossCase.caseId, decisionId, decision, reason })
      .then(({ effect }) => {
        delete pending.current[decision]
        setRejecting(false)
        void showToast(effect === 'duplicate' ? L.duplicate : L.done[decision], 'success')
        onChanged()
      })
      .catch((e: unknown) => (decision === 'reject' ? setRejectError(messageOf(e)) : setError(messageOf(e))))
      .finally(() => setBusy(undefined))
  }

  const openReject = () => {
    pending.current.reject = newDecisionId()
    setRejectError(undefined)
    setRejecting(true)
  }

  /** What the machine lets an operator do now: approve or reject a requested reissue, or record an approved one as made. */
  const actions = LOSS_MACHINE.availableEvents(lossCase.status, 'operator')
  if (actions.length === 0) return null
  const deciding = actions.includes('approve_reissue')
  return (
    <Card title={L.actions} testId='ops-loss-actions'>
      <Text className='ops-panel__note'>{deciding ? L.requestedHint : L.approvedHint}</Text>
      {error && (
        <View className='ops-panel__error' role='alert' data-testid='ops-loss-error'>
          {error}
        </View>
      )}
      {deciding ? (
        <View className='opl__buttons'>
          <Button type='primary' size='xlarge' loading={busy === 'approve'} disabled={!!busy} onClick={() => decide('approve')} data-testid='ops-loss-approve'>
            {L.approve}
          </Button>
          <Button type='danger' size='xlarge' fill='outline' disabled={!!busy} onClick={openReject} data-testid='ops-loss-reject'>
            {L.reject}
          </Button>
        </View>
      ) : (
        <Button type='primary' size='xlarge' block loading={busy === 'issue'} disabled={!!busy} onClick={() => decide('issue')} data-testid='ops-loss-issue'>
          {L.issue}
        </Button>
      )}
      <ReasonDialog
        visible={rejecting}
        title={L.rejectTitle}
        placeholder={L.rejectPlaceholder}
        confirmText={L.rejectConfirm}
        danger
        busy={busy === 'reject'}
        error={rejectError}
        testIdPrefix='ops-loss-reject'
        onCancel={() => setRejecting(false)}
        onConfirm={(reason) => decide('reject', reason)}
      />
    </Card>
  )
}

function LossTimeline({ lossCase }: { lossCase: OpsLossDetail }) {
  const entries = lossCase.timeline.map((entry, i) => ({ key: `${entry.to}-${entry.at}-${i}`, title: entry.label, meta: `${formatInstant(entry.at)} · ${L.actors[entry.actor] ?? entry.actor}`, reason: entry.reason, to: entry.to }))
  return <Timeline title={L.timeline} entries={entries} testId='ops-loss-timeline' />
}

function Lines({ title, testId, empty, lines }: { title: string; testId: string; empty: string; lines: Array<{ key: string; title: string; meta: string }> }) {
  return (
    <Card title={title} testId={testId}>
      {lines.length === 0 && <Text className='ops-panel__note'>{empty}</Text>}
      {lines.map((line) => (
        <View key={line.key} className='ops-line'>
          <Text className='ops-line__title'>{line.title}</Text>
          <Text className='ops-line__meta'>{line.meta}</Text>
        </View>
      ))}
    </Card>
  )
}

function LossDetail({ lossCase, onChanged }: { lossCase: OpsLossDetail; onChanged: () => void }) {
  const reissue = lossCase.reissue
  const mail = reissue?.delivery.method === 'mail' ? reissue.delivery.addressMasked : undefined
  return (
    <>
      <StatusHeader phase={lossPhase(lossCase.status)}>
        <Text className='opl__status' data-testid='ops-loss-status' data-status={lossCase.status}>
          {lossCase.statusLabel}
        </Text>
        <Text className='opl__what'>
          {L.what} · {lossCase.cityName}
        </Text>
      </StatusHeader>
      <View className='opl__body'>
        <Actions lossCase={lossCase} onChanged={onChanged} />
        {lossCase.rejection && (
          <Card title={L.rejection} testId='ops-loss-rejection'>
            <Text className='opl__reason'>{lossCase.rejection.reason}</Text>
            <Text className='ops-panel__note'>{formatInstant(lossCase.rejection.at)}</Text>
          </Card>
        )}
        <Card title={L.holder}>
          <Facts layout='grid'>
            <Fact label={L.name} value={lossCase.holderName} testId='ops-loss-holder' />
            <Fact label={L.city} value={lossCase.cityName} />
            <Fact label={L.idNumber} value={lossCase.idNumberMasked} testId='ops-loss-id-number' wide />
            {lossCase.cardNumberMasked && <Fact label={L.cardNumber} value={lossCase.cardNumberMasked} wide />}
          </Facts>
        </Card>
        <Card title={L.reissue} testId='ops-loss-reissue'>
          {reissue ? (
            <Facts layout='grid'>
              <Fact label={L.receiptNumber} value={reissue.receiptNumber} testId='ops-loss-receipt' wide />
              <Fact label={L.delivery} value={mail ? L.mail(mail) : L.pickup} testId='ops-loss-delivery' wide />
              <Fact label={L.fee} value={reissue.feeFen ? formatYuan(reissue.feeFen) : L.free} />
              <Fact label={L.requestedAt} value={formatInstant(reissue.requestedAt)} />
            </Facts>
          ) : (
            <Text className='ops-panel__note'>{L.noReissue}</Text>
          )}
        </Card>
        <Card title={L.caseTitle}>
          <Facts layout='grid'>
            <Fact label={L.caseId} value={lossCase.caseId} testId='ops-loss-case-id' wide />
            <Fact label={L.createdAt} value={formatInstant(lossCase.createdAt)} />
            <Fact label={L.updatedAt} value={formatInstant(lossCase.updatedAt)} />
          </Facts>
        </Card>
        <LossTimeline lossCase={lossCase} />
        <Lines
          title={L.notifications}
          testId='ops-loss-notifications'
          empty={L.noNotifications}
          lines={lossCase.notifications.map((n) => ({ key: n.id, title: n.statusText, meta: formatInstant(n.at) }))}
        />
        <Lines
          title={L.decisions}
          testId='ops-loss-decisions'
          empty={L.noDecisions}
          lines={lossCase.decisions.map((d) => ({ key: d.decisionId, title: L.decisionNames[d.decision] ?? d.decision, meta: `${formatInstant(d.at)} · ${d.decisionId}` }))}
        />
      </View>
    </>
  )
}

/** One card-loss case as the operator sees it: masked holder, the receipt and delivery, history, and the next step. */
function OpsLossPage() {
  const { caseId: raw } = usePageQuery()
  const caseId = isLossCaseId(raw) ? raw : undefined
  const remote = useOpsRemote(() => (caseId ? getLossDetail(caseId) : Promise.reject(new Error('no case'))), [caseId], { reloadOnShow: true })

  if (!caseId) {
    return (
      <View className='opl' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={L.detailTitle} description={L.missing} />
      </View>
    )
  }
  return (
    <View className='opl' data-testid='ops-loss' data-case-id={caseId}>
      <OpsStatus remote={remote}>{remote.data && <LossDetail lossCase={remote.data} onChanged={remote.reload} />}</OpsStatus>
    </View>
  )
}

export default pageRoot(OpsLossPage)
