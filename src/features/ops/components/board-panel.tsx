import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import type { BoardCounts } from '@/domain/ops/ops.view'
import { ORDER_STATES, ORDER_STATUS_LABELS } from '@/domain/order/order.machine'
import { formatInstant } from '@/domain/time'
import { COPY } from '../copy'
import { getBoard } from '../api'
import type { ConsoleTab } from '../routes'
import { useOpsRemote } from '../use-ops-remote'
import { OpsStatus, PanelHead } from './panel'
import './board-panel.scss'

/** The board follows the day without a reload. */
const BOARD_REFRESH_MS = 10_000

/** Whole minutes, with one decimal under 10 minutes so a fast local review does not read as 0. */
const minutesText = (minutes: number) => (minutes >= 10 ? String(Math.round(minutes)) : String(Math.round(minutes * 10) / 10))

const countOf = (counts: BoardCounts, status: (typeof ORDER_STATES)[number]) => counts.byStatus[status] ?? 0

interface TileProps {
  label: string
  value: string
  note?: string
  testId: string
  /** A tile that leads somewhere: tapping it opens that section. */
  onOpen?: () => void
}

function Tile({ label, value, note, testId, onOpen }: TileProps) {
  return (
    <View className={`board__tile${onOpen ? ' board__tile--link' : ''}`} onClick={onOpen} data-testid={onOpen ? `${testId}-link` : undefined}>
      <Text className='board__tile-label'>{label}</Text>
      <Text className='board__tile-value' data-testid={testId}>
        {value}
      </Text>
      {note && <Text className='board__tile-note'>{note}</Text>}
    </View>
  )
}

interface Props {
  /** Opens another section of the console (the 注销申请 figure leads to the open applications). */
  onOpen: (tab: ConsoleTab) => void
}

/** Orders today and over the last 7 days by status, the median review time, and the other services' case counts. */
export function BoardPanel({ onOpen }: Props) {
  const board = useOpsRemote(getBoard)
  const { reload } = board

  useEffect(() => {
    const timer = setInterval(reload, BOARD_REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])

  const data = board.data
  return (
    <View className='board-panel'>
      <PanelHead title={COPY.board.title} intro={COPY.board.autoRefresh} onRefresh={reload} loading={board.loading} refreshTestId='board-refresh' />
      <OpsStatus remote={board}>
        {data && (
          <View className='ops-panel__body' data-testid='board'>
            <View className='ops-panel__card'>
              <View className='board__row board__row--head'>
                <Text className='board__status'>{COPY.board.status}</Text>
                <Text className='board__count'>{COPY.board.today}</Text>
                <Text className='board__count'>{COPY.board.last7Days}</Text>
              </View>
              {ORDER_STATES.map((status) => (
                <View key={status} className='board__row' data-status={status}>
                  <Text className='board__status'>{ORDER_STATUS_LABELS[status]}</Text>
                  <Text className='board__count board__number' data-testid={`board-today-${status}`}>
                    {countOf(data.today, status)}
                  </Text>
                  <Text className='board__count board__number' data-testid={`board-7d-${status}`}>
                    {countOf(data.last7Days, status)}
                  </Text>
                </View>
              ))}
              <View className='board__row board__row--total'>
                <Text className='board__status'>{COPY.board.total}</Text>
                <Text className='board__count board__number' data-testid='board-total-today'>
                  {data.today.total}
                </Text>
                <Text className='board__count board__number' data-testid='board-total-7d'>
                  {data.last7Days.total}
                </Text>
              </View>
              <Text className='ops-panel__note'>{COPY.board.countsNote}</Text>
            </View>
            <View className='board__tiles'>
              <Tile
                label={COPY.board.median}
                value={data.medianReviewMinutes === null ? COPY.board.noData : COPY.common.minutes(minutesText(data.medianReviewMinutes))}
                note={COPY.board.medianNote}
                testId='board-median'
              />
              <Tile
                label={COPY.board.cancellations}
                value={String(data.cancellations)}
                note={COPY.board.cancellationsNote}
                testId='board-cancellations'
                onOpen={() => onOpen('cancellations')}
              />
              <Tile label={COPY.board.lossCases} value={String(data.lossCases)} note={COPY.board.notLive} testId='board-loss-cases' />
            </View>
            <Text className='ops-panel__note board__at' data-testid='board-updated'>
              {COPY.common.updatedAt(formatInstant(data.at))}
            </Text>
          </View>
        )}
      </OpsStatus>
    </View>
  )
}
