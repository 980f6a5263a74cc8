import { View, Text, Image } from '@tarojs/components'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import { Checklist, Refresh, Tips } from '@nutui/icons-react-taro'
import { useEffect, useRef, useState } from 'react'
import { REJECT_REASONS, type RejectReasonCode } from '@/domain/order/order.view'
import { DOCUMENT_TYPES } from '@/domain/photo/specs'
import { formatInstant } from '@/domain/time'
import { EmptyState, RemoteView } from '@/components/status-view'
import { useRemote } from '@/hooks/use-remote'
import { centerAvailable, centerDecide, centerQueue, type CenterDecision, type CenterTicket } from '@/platform/center'
import { devSwitcherUrl, openDevSwitcher, showToast } from '@/platform/device'
import { hasKeyboard, onShortcut } from '@/platform/keyboard'
import { messageOf } from '@/platform/reply'
import { COPY } from '../copy'
import { RejectSheet } from './reject-sheet'
import './panel.scss'
import { DeskGuides } from './desk-guides'
import './review-desk.scss'

/** New submissions show up without a reload. */
const REFRESH_MS = 15_000

interface Decided {
  result: 'approved' | 'rejected'
  label?: string
}

const titleOf = (type: string) => DOCUMENT_TYPES.find((d) => d.type === type)?.title ?? type

function Facts({ ticket }: { ticket: CenterTicket }) {
  const rows: Array<[string, string, boolean?]> = [
    [COPY.document, titleOf(ticket.documentType)],
    [COPY.city, ticket.cityName],
    [COPY.applicant, ticket.applicantName],
    [COPY.submittedAt, formatInstant(ticket.submittedAt)],
    [COPY.order, ticket.orderId, true],
  ]
  return (
    <View className='ops-card__facts'>
      {rows.map(([label, value, wide]) => (
        <View key={label} className={`ops-card__fact${wide ? ' ops-card__fact--wide' : ''}`}>
          <Text className='ops-card__label'>{label}</Text>
          <Text className='ops-card__value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}

interface CardProps {
  ticket: CenterTicket
  busy: boolean
  error?: string
  onApprove: () => void
  onReject: () => void
}

function PendingCard({ ticket, busy, error, onApprove, onReject }: CardProps) {
  return (
    <View className='ops-card' data-testid='review-item' data-ticket-id={ticket.ticketId} data-order-id={ticket.orderId}>
      <DeskGuides orderId={ticket.orderId} photoUrl={ticket.photoUrl} />
      <Facts ticket={ticket} />
      {error && (
        <View className='ops-card__error' role='alert'>
          {error}
        </View>
      )}
      <View className='ops-card__actions'>
        <Button type='success' size='large' disabled={busy} loading={busy} onClick={onApprove} data-testid='review-approve'>
          {COPY.approve}
        </Button>
        <Button type='danger' size='large' disabled={busy} onClick={onReject} data-testid='review-reject'>
          {COPY.reject}
        </Button>
      </View>
    </View>
  )
}

function DoneCard({ ticket, decided }: { ticket: CenterTicket; decided?: Decided }) {
  const result = decided?.result ?? (ticket.status === 'approved' ? 'approved' : 'rejected')
  return (
    <View className='ops-card ops-card--done' data-testid='reviewed-item' data-ticket-id={ticket.ticketId} data-result={result}>
      <View className='ops-card__row'>
        <Image className='ops-card__photo ops-card__photo--small' src={ticket.photoUrl} mode='aspectFit' />
        <View className='ops-card__done'>
          <Text className={`ops-card__verdict ops-card__verdict--${result}`}>
            {result === 'approved' ? COPY.approved : COPY.rejected}
            {decided?.label ? `：${decided.label}` : ''}
          </Text>
          <Text className='ops-card__value'>
            {titleOf(ticket.documentType)} · {ticket.cityName} · {ticket.applicantName}
          </Text>
          <Text className='ops-card__label'>
            {COPY.submittedAt} {formatInstant(ticket.submittedAt)}
          </Text>
          <Text className='ops-card__label'>{ticket.orderId}</Text>
        </View>
      </View>
    </View>
  )
}

/**
 * The local review desk: photos waiting at the simulated detection center, approved or rejected with a coded reason.
 * One section of the operator console; it exists only where the simulated center does (local mode).
 */
export function ReviewDesk() {
  const queue = useRemote(() => (centerAvailable ? centerQueue() : Promise.resolve([] as CenterTicket[])))
  const [decided, setDecided] = useState<Record<string, Decided>>({})
  const [busy, setBusy] = useState<string>()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [rejecting, setRejecting] = useState<CenterTicket>()
  const [tab, setTab] = useState<'pending' | 'done'>('pending')

  const tickets = queue.data ?? []
  const pending = tickets.filter((t) => t.status === 'pending' && !decided[t.ticketId])
  const done = tickets.filter((t) => t.status !== 'pending' || decided[t.ticketId])

  const decide = (ticket: CenterTicket, decision: CenterDecision, label?: string) => {
    if (busy) return
    setBusy(ticket.ticketId)
    setErrors(({ [ticket.ticketId]: _gone, ...rest }) => rest)
    centerDecide(decision)
      .then(() => {
        setDecided((d) => ({ ...d, [ticket.ticketId]: { result: decision.result, label } }))
        setRejecting(undefined)
        void showToast(decision.result === 'approved' ? COPY.decidedApproved : COPY.decidedRejected)
      })
      .catch((error: unknown) => {
        setErrors((e) => ({ ...e, [ticket.ticketId]: messageOf(error) }))
        setRejecting(undefined)
      })
      .finally(() => setBusy(undefined))
  }
  const approve = (ticket: CenterTicket) => decide(ticket, { ticketId: ticket.ticketId, result: 'approved' })
  const reject = (ticket: CenterTicket, reasonCode: RejectReasonCode, reasonText?: string) =>
    decide(ticket, { ticketId: ticket.ticketId, result: 'rejected', reasonCode, ...(reasonText ? { reasonText } : {}) }, REJECT_REASONS[reasonCode])

  /** A: approve the first waiting photo; R: open the reasons for it. The latest state is read through a ref. */
  const keys = useRef<(key: string) => void>(() => undefined)
  keys.current = (key) => {
    const first = pending[0]
    if (!first || rejecting || busy || tab !== 'pending') return
    if (key === 'a') approve(first)
    if (key === 'r') setRejecting(first)
  }
  useEffect(() => onShortcut((key) => keys.current(key)), [])

  const reloadQueue = queue.reload
  useEffect(() => {
    if (!centerAvailable) return
    const timer = setInterval(() => reloadQueue(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [reloadQueue])

  if (!centerAvailable) {
    return (
      <View className='ops-desk'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.title} description={COPY.localOnly} />
      </View>
    )
  }

  return (
    <View className='ops-desk'>
      <View className='ops__head'>
        <View className='ops__head-row'>
          <Text className='ops__title'>{COPY.title}</Text>
          <Button size='large' fill='outline' className='ops-panel__refresh' icon={<Refresh size={16} />} onClick={queue.reload} data-testid='review-refresh'>
            {COPY.refresh}
          </Button>
        </View>
        <Text className='ops__intro'>{COPY.intro}</Text>
        {hasKeyboard && <Text className='ops__keys'>{COPY.shortcuts}</Text>}
      </View>
      <RemoteView remote={queue}>
        <Tabs value={tab} onChange={(v) => setTab(v as 'pending' | 'done')} className='ops__tabs' duration={0}>
          <Tabs.TabPane value='pending' title={COPY.pendingTab(pending.length)}>
            {pending.length === 0 ? (
              <EmptyState image={<Checklist size={72} color='#bfbfbf' />} title={COPY.emptyPending} description={COPY.emptyPendingHint} testId='review-empty' />
            ) : (
              <View className='ops__list' data-testid='review-queue'>
                {pending.map((t) => (
                  <PendingCard key={t.ticketId} ticket={t} busy={busy === t.ticketId} error={errors[t.ticketId]} onApprove={() => approve(t)} onReject={() => setRejecting(t)} />
                ))}
              </View>
            )}
          </Tabs.TabPane>
          <Tabs.TabPane value='done' title={COPY.doneTab(done.length)}>
            {done.length === 0 ? (
              <EmptyState image={<Checklist size={72} color='#bfbfbf' />} title={COPY.emptyDone} />
            ) : (
              <View className='ops__list' data-testid='reviewed-list'>
                {done.map((t) => (
                  <DoneCard key={t.ticketId} ticket={t} decided={decided[t.ticketId]} />
                ))}
              </View>
            )}
          </Tabs.TabPane>
        </Tabs>
      </RemoteView>
      {/* The desk needs the operator's dev session; a plain user gets FORBIDDEN. */}
      {queue.error && !queue.data && devSwitcherUrl && (
        <View className='ops__switch'>
          <Button size='large' block onClick={openDevSwitcher} data-testid='switch-operator'>
            {COPY.switchUser}
          </Button>
        </View>
      )}
      <RejectSheet
        visible={!!rejecting}
        busy={!!rejecting && busy === rejecting.ticketId}
        onClose={() => setRejecting(undefined)}
        onConfirm={(code, text) => rejecting && reject(rejecting, code, text)}
      />
    </View>
  )
}
