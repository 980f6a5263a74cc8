import { View, Text } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { Refresh, Shield, Tips } from '@nutui/icons-react-taro'
import { useState } from 'react'
import type { LossView } from '@/domain/card-loss/card-loss.view'
import { formatYuan } from '@/domain/order/prices'
import { SOCIAL_SECURITY_HOTLINE } from '@/domain/services'
import { formatInstant } from '@/domain/time'
import { lossPhase } from '@/domain/card-loss/card-loss.phase'
import { CustomerService } from '@/components/customer-service'
import { EmptyState, RemoteView } from '@/components/status-view'
import { TextField } from '@/components/text-field'
import { Card, Fact, Facts, StatusHeader, Timeline } from '@/components/case-view'
import { useForm } from '@/hooks/use-form'
import { useAction } from '@/hooks/use-action'
import { useRemote } from '@/hooks/use-remote'
import { showToast } from '@/platform/device'
import { openPage, usePageQuery } from '@/platform/navigation'
import { COPY } from '../../copy'
import { BankWarning } from '../../components/bank-warning'
import { CounterGuideCard } from '../../components/counter-guide'
import { counterGuideFor } from '@/domain/card-loss/counter-guide'
import { lossPolicyFor } from '@/domain/card-loss/card-loss.policy'
import { getLoss, liftLoss, upgradeLoss, verifyHolder } from '../../api'
import { FunctionList } from '../../components/function-list'
import { nextSteps, upgradeErrors } from '../../detail.form'
import { forgetHolder, holderFor } from '../../holder'
import { isLossCaseId, reissueUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const D = COPY.detail

function Header({ view, onRefresh, refreshing }: { view: LossView; onRefresh: () => void; refreshing: boolean }) {
  return (
    <StatusHeader phase={lossPhase(view.status)}>
      <View className='ldt__header-top'>
        <Text className='ldt__status' data-testid='loss-status' data-status={view.status}>
          {view.statusLabel}
        </Text>
        <View className='ldt__refresh' onClick={onRefresh} data-testid='loss-refresh' data-busy={refreshing}>
          <Refresh size={16} color='#fff' />
          <Text>{D.refresh}</Text>
        </View>
      </View>
      <Text className='ldt__what'>
        {COPY.title} · {view.cityName}
      </Text>
    </StatusHeader>
  )
}

function Functions({ view }: { view: LossView }) {
  /** A made card replaces the old one: nothing to say about the old card's functions. */
  if (view.status === 'card_issued') return null
  if (view.frozen.length === 0) {
    return (
      <Text className='lx__ok' data-testid='loss-frozen' data-count={0}>
        {D.noneFrozen}
      </Text>
    )
  }
  return (
    <Card>
      <FunctionList title={D.frozenTitle} functions={view.frozen.map((f) => f.fn)} tone='frozen' testId='loss-frozen' />
      <FunctionList title={D.workingTitle} functions={view.working.map((f) => f.fn)} tone='working' empty={D.allFrozen} testId='loss-working' />
      {view.temporaryExpiresAt && (
        <View className='lx__warn' data-testid='loss-expiry'>
          <Text className='ldt__expiry'>{D.expiresAt(formatInstant(view.temporaryExpiresAt))}</Text>
          <Text className='ldt__expiry-note'>{D.expiresNote}</Text>
        </View>
      )}
      {view.status === 'reported_temporary' && !view.temporaryExpiresAt && (
        <View className='lx__warn' data-testid='loss-expiry-reference'>
          <Text className='ldt__expiry-note'>{D.expiresReference(view.policy.temporaryDays)}</Text>
        </View>
      )}
      {view.status === 'reported_temporary' && <BankWarning />}
    </Card>
  )
}

/**
 * Temporary → formal: identity verification first (the simulated check locally), then the upgrade with its token.
 * The ID number typed on the report page is still in memory right after reporting; after a reload it is asked for.
 */
function Upgrade({ view, onChanged }: { view: LossView; onChanged: (view: LossView) => void }) {
  const known = holderFor(view.caseId)
  const [open, setOpen] = useState(false)
  const form = useForm({ idNumber: '' }, (values) => upgradeErrors(values, !!known))
  const upgrade = useAction(async () => {
    const { verificationToken } = await verifyHolder(known ?? { name: view.holderName, idNumber: form.values.idNumber.trim() })
    const next = await upgradeLoss(view.caseId, verificationToken)
    forgetHolder()
    onChanged(next)
    void showToast(D.upgraded, 'success')
  })

  const go = () => {
    form.showAll()
    if (form.errors.idNumber || upgrade.busy) return
    void upgrade.run()
  }

  if (!open) {
    return (
      <>
        <Text className='lx__text'>{D.upgradeHint}</Text>
        <Button type='primary' size='xlarge' block onClick={() => setOpen(true)} data-testid='loss-upgrade'>
          {D.upgrade}
        </Button>
      </>
    )
  }
  return (
    <View className='ldt__upgrade' data-testid='loss-upgrade-panel'>
      <Text className='lx__card-title'>{D.upgradeTitle}</Text>
      <Text className='lx__text'>{D.upgradeHint}</Text>
      <Text className='lx__small'>{COPY.common.simulated}</Text>
      {!known && (
        <>
          <Text className='lx__text'>{D.upgradeIdHint}</Text>
          <TextField label={D.idNumber} placeholder={COPY.report.idNumberPlaceholder} {...form.field('idNumber')} type='idcard' maxLength={22} testId='loss-upgrade-id' />
        </>
      )}
      {upgrade.error && (
        <View className='lx__error' role='alert' data-testid='loss-upgrade-error'>
          {upgrade.error}
        </View>
      )}
      <Button type='primary' size='xlarge' block icon={<Shield size={20} />} loading={upgrade.busy} disabled={upgrade.busy} onClick={go} data-testid='loss-verify'>
        {upgrade.busy ? D.upgrading : D.upgradeConfirm}
      </Button>
    </View>
  )
}

function Lift({ view, onChanged }: { view: LossView; onChanged: (view: LossView) => void }) {
  const [asking, setAsking] = useState(false)
  const lifting = useAction(async () => {
    const next = await liftLoss(view.caseId).finally(() => setAsking(false))
    onChanged(next)
    void showToast(D.lifted, 'success')
  })
  const { busy, error } = lifting
  const lift = () => void lifting.run()

  return (
    <>
      {error && (
        <View className='lx__error' role='alert' data-testid='loss-lift-error'>
          {error}
        </View>
      )}
      <Button size='xlarge' block fill='outline' onClick={() => setAsking(true)} data-testid='loss-lift'>
        {D.lift}
      </Button>
      <Dialog
        visible={asking}
        title={D.liftTitle}
        className='ldt__dialog'
        closeOnOverlayClick={!busy}
        onClose={() => setAsking(false)}
        onOverlayClick={() => setAsking(false)}
        footer={
          <View className='ldt__dialog-footer'>
            <Button size='large' disabled={busy} onClick={() => setAsking(false)} data-testid='loss-lift-cancel'>
              {D.liftKeep}
            </Button>
            <Button size='large' type='primary' loading={busy} disabled={busy} onClick={lift} data-testid='loss-lift-confirm'>
              {D.liftConfirm}
            </Button>
          </View>
        }
      >
        <Text className='ldt__dialog-body'>{D.liftBody}</Text>
      </Dialog>
    </>
  )
}

/** What the user may do next, and why not where the rules say no. */
function Actions({ view, onChanged }: { view: LossView; onChanged: (view: LossView) => void }) {
  const steps = nextSteps(view)
  if (!steps) return null
  const guide = counterGuideFor(lossPolicyFor(view.cityCode).policy.id)
  return (
    <Card title={D.actionsTitle} testId='loss-actions'>
      {steps.upgrade && <Upgrade view={view} onChanged={onChanged} />}
      {steps.formalOffline && <Text className='lx__warn'>{D.formalOffline}</Text>}
      {steps.formalOffline && <CounterGuideCard guide={guide} title={COPY.counter.formalTitle} />}
      {steps.reissue && (
        <>
          <Text className='lx__text'>{D.reissueHint}</Text>
          <Button type={steps.reissue === 'again' ? 'danger' : 'primary'} size='xlarge' block onClick={() => openPage(reissueUrl(view.caseId))} data-testid='loss-reissue'>
            {steps.reissue === 'again' ? D.reissueAgain : D.reissue}
          </Button>
        </>
      )}
      {steps.needFormal && <Text className='lx__small'>{D.needFormal}</Text>}
      {steps.reissueOffline && (
        <Text className='lx__warn' data-testid='loss-reissue-offline'>
          {steps.reissueOffline}
        </Text>
      )}
      {steps.reissueOffline && <CounterGuideCard guide={guide} title={COPY.counter.reissueTitle} />}
      {steps.lift && <Lift view={view} onChanged={onChanged} />}
      {steps.liftRefusal && (
        <Text className='lx__small' data-testid='loss-lift-refusal'>
          {steps.liftRefusal}
        </Text>
      )}
    </Card>
  )
}

function Rejection({ view }: { view: LossView }) {
  if (view.status !== 'rejected') return null
  return (
    <View className='lx__card ldt__rejected' role='alert' data-testid='loss-rejection'>
      <Text className='ldt__rejected-title'>{D.rejectedTitle}</Text>
      {view.rejection && (
        <>
          <Text className='ldt__reason' data-testid='loss-rejection-reason'>
            {D.reason}：{view.rejection.reason}
          </Text>
          <Text className='lx__small'>{formatInstant(view.rejection.at)}</Text>
        </>
      )}
      <Text className='lx__text'>{D.rejectedHint}</Text>
    </View>
  )
}

function Reissue({ view }: { view: LossView }) {
  const reissue = view.reissue
  if (!reissue) return null
  const mail = reissue.delivery.method === 'mail' ? reissue.delivery.addressMasked : undefined
  return (
    <Card title={view.status === 'rejected' ? D.previousReissueTitle : D.reissueTitle} testId='loss-reissue-info'>
      {view.status === 'card_issued' && (
        <Text className='lx__ok' data-testid='loss-issued'>
          {D.issued}
          {mail ? D.issuedMail : D.issuedPickup}
        </Text>
      )}
      <Facts>
        <Fact label={D.receiptNumber} value={reissue.receiptNumber} testId='loss-receipt-number' />
        <Fact label={D.delivery} value={mail ? D.mail(mail) : D.pickup} testId='loss-delivery' />
        <Fact label={D.fee} value={reissue.feeFen ? formatYuan(reissue.feeFen) : view.policy.feeLabel} testId='loss-fee' />
        <Fact label={D.requestedAt} value={formatInstant(reissue.requestedAt)} />
      </Facts>
      {(view.status === 'reissue_requested' || view.status === 'reissue_approved') && <Text className='lx__info'>{view.policy.unverified.includes('makeDays') ? D.makeDaysUnknown : D.makeDays(view.policy.makeDays)}</Text>}
      {view.liftRefusal && view.status !== 'card_issued' && (
        <Text className='lx__small' data-testid='loss-lift-refusal'>
          {view.liftRefusal}
        </Text>
      )}
    </Card>
  )
}

function CaseInfo({ view }: { view: LossView }) {
  return (
    <Card title={D.caseTitle}>
      <Facts>
        <Fact label={D.city} value={view.cityName} />
        <Fact label={D.holder} value={view.holderName} />
        <Fact label={D.idNumber} value={view.idNumberMasked} testId='loss-id-masked' />
        {view.cardNumberMasked && <Fact label={D.cardNumber} value={view.cardNumberMasked} />}
        <Fact label={D.createdAt} value={formatInstant(view.createdAt)} />
        <Fact label={D.caseId} value={view.caseId} testId='loss-case-id' />
      </Facts>
    </Card>
  )
}

function LossTimeline({ view }: { view: LossView }) {
  const entries = view.timeline.map((entry, i) => ({ key: `${entry.to}-${entry.at}-${i}`, title: entry.label, meta: `${formatInstant(entry.at)} · ${D.actors[entry.actor] ?? entry.actor}`, reason: entry.reason, to: entry.to }))
  return <Timeline title={D.timeline} entries={entries} testId='loss-timeline' />
}

/** Where the rules shown come from, and which of them no source states (reference only, with 12333). */
function Sources({ view }: { view: LossView }) {
  const C = COPY.common
  const { sources, unverified } = view.policy
  return (
    <View data-testid='loss-sources'>
      {sources.length > 0 && <Text className='lx__source'>{C.sources(sources.map((s) => s.title).join('；'))}</Text>}
      {unverified.length > 0 && (
        <Text className='lx__source' data-testid='loss-unverified'>
          {C.unverifiedFacts(unverified.map((f) => C.factNames[f]).join('、'))}
        </Text>
      )}
    </View>
  )
}

/**
 * A formal report made here can also be taken to a counter (and where the sources give no online channel, that is the
 * way): route, materials, where and hotline, unless a counter answer above already says them.
 */
function AlsoAtCounter({ view }: { view: LossView }) {
  const steps = nextSteps(view)
  if (view.status !== 'reported_formal' || steps?.reissueOffline) return null
  return <CounterGuideCard guide={counterGuideFor(lossPolicyFor(view.cityCode).policy.id)} title={COPY.counter.alsoTitle} />
}

/** While a reissue is under way (or done) it leads the page; after a rejection, applying again does. */
function LossDetail({ view, onChanged }: { view: LossView; onChanged: (view: LossView) => void }) {
  const inProgress = view.status === 'reissue_requested' || view.status === 'reissue_approved' || view.status === 'card_issued'
  return (
    <View className='ldt__body'>
      <Rejection view={view} />
      {inProgress && <Reissue view={view} />}
      {view.status === 'rejected' && <Actions view={view} onChanged={onChanged} />}
      <Functions view={view} />
      {view.status !== 'rejected' && <Actions view={view} onChanged={onChanged} />}
      {!inProgress && <Reissue view={view} />}
      <AlsoAtCounter view={view} />
      <CaseInfo view={view} />
      <LossTimeline view={view} />
      <CustomerService hotline={SOCIAL_SECURITY_HOTLINE} />
      <Sources view={view} />
    </View>
  )
}

/** One case: its status, what is frozen, and what the user may do next (upgrade, lift, reissue). */
function LossDetailPage() {
  const { caseId: raw } = usePageQuery()
  const caseId = isLossCaseId(raw) ? raw : undefined
  /** Back from the reissue page or a notification: show the case as it is now. */
  const remote = useRemote(() => (caseId ? getLoss(caseId) : Promise.reject(new Error('no case'))), [caseId], { reloadOnShow: true })


  if (!caseId) {
    return (
      <View className='lx' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.common.loadFailed} description={COPY.common.missingCase} />
      </View>
    )
  }
  const view = remote.data
  return (
    <View className='lx ldt'>
      <RemoteView remote={remote}>
        {view && (
          <>
            <Header view={view} onRefresh={remote.reload} refreshing={remote.loading} />
            <LossDetail view={view} onChanged={remote.set} />
          </>
        )}
      </RemoteView>
    </View>
  )
}

export default pageRoot(LossDetailPage)
