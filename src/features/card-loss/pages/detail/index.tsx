import { View, Text } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { Refresh, Shield, Tips } from '@nutui/icons-react-taro'
import { useState, type ReactNode } from 'react'
import * as v from 'valibot'
import type { LossView } from '@/domain/card-loss/loss.view'
import { formatYuan } from '@/domain/order/prices'
import { IdNumber } from '@/domain/identity/id-number'
import { SOCIAL_SECURITY_HOTLINE } from '@/domain/services'
import { formatInstant } from '@/domain/time'
import { fieldErrors } from '@/domain/validation'
import { CustomerService } from '@/components/customer-service'
import { EmptyState, RemoteView } from '@/components/status-view'
import { TextField } from '@/components/text-field'
import { useRemote } from '@/hooks/use-remote'
import { showToast } from '@/platform/device'
import { openPage, usePageQuery } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { getLoss, liftLoss, upgradeLoss, verifyHolder } from '../../api'
import { FunctionList } from '../../components/function-list'
import { forgetHolder, holderFor } from '../../holder'
import { LOSS_TONE } from '../../tone'
import { isLossCaseId, reissueUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'

const D = COPY.detail

function Header({ view, onRefresh, refreshing }: { view: LossView; onRefresh: () => void; refreshing: boolean }) {
  return (
    <View className={`ldt__header ldt__header--${LOSS_TONE[view.status]}`}>
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
    </View>
  )
}

function Card({ title, children, testId, className }: { title?: string; children: ReactNode; testId?: string; className?: string }) {
  return (
    <View className={`lx__card${className ? ` ${className}` : ''}`} data-testid={testId}>
      {title && <Text className='lx__card-title'>{title}</Text>}
      {children}
    </View>
  )
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='ldt__fact'>
      <Text className='lx__label'>{label}</Text>
      <Text className='lx__value ldt__fact-value' data-testid={testId}>
        {value}
      </Text>
    </View>
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
    </Card>
  )
}

const UpgradeId = v.object({ idNumber: IdNumber })

/**
 * Temporary → formal: identity verification first (the simulated check locally), then the upgrade with its token.
 * The ID number typed on the report page is still in memory right after reporting; after a reload it is asked for.
 */
function Upgrade({ view, onChanged }: { view: LossView; onChanged: (view: LossView) => void }) {
  const known = holderFor(view.caseId)
  const [open, setOpen] = useState(false)
  const [idNumber, setIdNumber] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const idError = known ? undefined : fieldErrors(UpgradeId, { idNumber }).idNumber

  const go = () => {
    setTouched(true)
    if (idError || busy) return
    setBusy(true)
    setError(undefined)
    void (async () => {
      try {
        const { verificationToken } = await verifyHolder(known ?? { name: view.holderName, idNumber: idNumber.trim() })
        const next = await upgradeLoss(view.caseId, verificationToken)
        forgetHolder()
        onChanged(next)
        void showToast(D.upgraded, 'success')
      } catch (e) {
        setError(messageOf(e))
      } finally {
        setBusy(false)
      }
    })()
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
          <TextField
            label={D.idNumber}
            placeholder={COPY.report.idNumberPlaceholder}
            value={idNumber}
            onChange={setIdNumber}
            onBlur={() => setTouched(true)}
            error={touched ? idError : undefined}
            type='idcard'
            maxLength={22}
            testId='loss-upgrade-id'
          />
        </>
      )}
      {error && (
        <View className='lx__error' role='alert' data-testid='loss-upgrade-error'>
          {error}
        </View>
      )}
      <Button type='primary' size='xlarge' block icon={<Shield size={20} />} loading={busy} disabled={busy} onClick={go} data-testid='loss-verify'>
        {busy ? D.upgrading : D.upgradeConfirm}
      </Button>
    </View>
  )
}

function Lift({ view, onChanged }: { view: LossView; onChanged: (view: LossView) => void }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const lift = () => {
    setBusy(true)
    setError(undefined)
    liftLoss(view.caseId)
      .then((next) => {
        setAsking(false)
        onChanged(next)
        void showToast(D.lifted, 'success')
      })
      .catch((e: unknown) => {
        setAsking(false)
        setError(messageOf(e))
      })
      .finally(() => setBusy(false))
  }

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
  const temporaryOffline = view.status === 'reported_temporary' && !view.policy.formalOnline
  const reissueOffline = (view.status === 'reported_formal' || view.status === 'rejected') && !view.policy.reissueOnline
  const refusal = view.reissue ? undefined : view.liftRefusal
  const any = view.canUpgrade || view.canLift || view.canReissue || temporaryOffline || reissueOffline || !!refusal
  if (!any) return null
  return (
    <Card title={D.actionsTitle} testId='loss-actions'>
      {view.canUpgrade && <Upgrade view={view} onChanged={onChanged} />}
      {temporaryOffline && <Text className='lx__warn'>{D.formalOffline}</Text>}
      {view.canReissue && (
        <>
          <Text className='lx__text'>{D.reissueHint}</Text>
          <Button type={view.status === 'rejected' ? 'danger' : 'primary'} size='xlarge' block onClick={() => openPage(reissueUrl(view.caseId))} data-testid='loss-reissue'>
            {view.status === 'rejected' ? D.reissueAgain : D.reissue}
          </Button>
        </>
      )}
      {view.status === 'reported_temporary' && <Text className='lx__small'>{D.needFormal}</Text>}
      {reissueOffline && (
        <Text className='lx__warn' data-testid='loss-reissue-offline'>
          {view.policy.reissueOfflineNote ?? COPY.reissue.offlineTitle}
        </Text>
      )}
      {view.canLift && <Lift view={view} onChanged={onChanged} />}
      {refusal && (
        <Text className='lx__small' data-testid='loss-lift-refusal'>
          {refusal}
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
      <View className='ldt__facts'>
        <Fact label={D.receiptNumber} value={reissue.receiptNumber} testId='loss-receipt-number' />
        <Fact label={D.delivery} value={mail ? D.mail(mail) : D.pickup} testId='loss-delivery' />
        <Fact label={D.fee} value={reissue.feeFen ? formatYuan(reissue.feeFen) : view.policy.feeLabel} testId='loss-fee' />
        <Fact label={D.requestedAt} value={formatInstant(reissue.requestedAt)} />
      </View>
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
      <View className='ldt__facts'>
        <Fact label={D.city} value={view.cityName} />
        <Fact label={D.holder} value={view.holderName} />
        <Fact label={D.idNumber} value={view.idNumberMasked} testId='loss-id-masked' />
        {view.cardNumberMasked && <Fact label={D.cardNumber} value={view.cardNumberMasked} />}
        <Fact label={D.createdAt} value={formatInstant(view.createdAt)} />
        <Fact label={D.caseId} value={view.caseId} testId='loss-case-id' />
      </View>
    </Card>
  )
}

function Timeline({ view }: { view: LossView }) {
  return (
    <Card title={D.timeline} testId='loss-timeline'>
      {view.timeline.map((entry, i) => (
        <View key={`${entry.to}-${entry.at}-${i}`} className={`ldt__step${i === view.timeline.length - 1 ? ' ldt__step--last' : ''}`} data-to={entry.to}>
          <View className='ldt__dot' />
          <View className='ldt__step-body'>
            <Text className='ldt__step-title'>{entry.label}</Text>
            <Text className='ldt__step-meta'>
              {formatInstant(entry.at)} · {D.actors[entry.actor] ?? entry.actor}
            </Text>
            {entry.reason && <Text className='ldt__step-reason'>{entry.reason}</Text>}
          </View>
        </View>
      ))}
    </Card>
  )
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
      <CaseInfo view={view} />
      <Timeline view={view} />
      <CustomerService hotline={SOCIAL_SECURITY_HOTLINE} />
      <Sources view={view} />
    </View>
  )
}

/** One case: its status, what is frozen, and what the user may do next (upgrade, lift, reissue). */
export default function LossDetailPage() {
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
