import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Phase } from '@/domain/case/phase'
import { toneOf } from './tone'
import './index.scss'

export { PHASE_TONE, tagTypeOf, toneOf, type TagType, type Tone } from './tone'

/** A white card: its title, then the content. */
export function Card({ title, children, testId, className }: { title?: string; children: ReactNode; testId?: string; className?: string }) {
  return (
    <View className={`case-card${className ? ` ${className}` : ''}`} data-testid={testId}>
      {title && <Text className='case-card__title'>{title}</Text>}
      {children}
    </View>
  )
}

/** Facts in `rows` (label left, value right, under hairlines: the user's pages) or a two-column `grid` (the console). */
export function Facts({ layout = 'rows', children }: { layout?: 'rows' | 'grid'; children: ReactNode }) {
  return <View className={`case-facts case-facts--${layout}`}>{children}</View>
}

/** One label and its value inside `Facts`; `wide` spans both columns of a grid. */
export function Fact({ label, value, testId, wide }: { label: string; value: string; testId?: string; wide?: boolean }) {
  return (
    <View className={`case-fact${wide ? ' case-fact--wide' : ''}`}>
      <Text className='case-fact__label'>{label}</Text>
      <Text className='case-fact__value' data-testid={testId}>
        {value}
      </Text>
    </View>
  )
}

export interface TimelineEntry {
  key: string
  title: string
  /** When, and by whom where the page says so. */
  meta: string
  reason?: string
  /** The state the entry moved to, as `data-to`. */
  to?: string
}

interface TimelineProps {
  title: string
  entries: readonly TimelineEntry[]
  testId?: string
  /** On each entry, and `<entryTestId>`-reason on its reason. */
  entryTestId?: string
  /** Shown when there is no entry; without it an empty timeline shows nothing. */
  empty?: string
}

/** A case's history, oldest first: a dot per step joined by a line, the reason under a rejection. */
export function Timeline({ title, entries, testId, entryTestId, empty }: TimelineProps) {
  if (entries.length === 0 && !empty) return null
  return (
    <Card title={title} testId={testId}>
      {entries.length === 0 && <Text className='case-timeline__empty'>{empty}</Text>}
      {entries.map((entry, i) => (
        <View key={entry.key} className={`case-step${i === entries.length - 1 ? ' case-step--last' : ''}`} data-testid={entryTestId} data-to={entry.to}>
          <View className='case-step__dot' />
          <View className='case-step__body'>
            <Text className='case-step__title'>{entry.title}</Text>
            <Text className='case-step__meta'>{entry.meta}</Text>
            {entry.reason && (
              <Text className='case-step__reason' data-testid={entryTestId ? `${entryTestId.replace(/-entry$/, '')}-reason` : undefined}>
                {entry.reason}
              </Text>
            )}
          </View>
        </View>
      ))}
    </Card>
  )
}

/** A detail page's coloured header, its colour from the phase the domain gives the case's state. */
export function StatusHeader({ phase, children, className }: { phase: Phase; children: ReactNode; className?: string }) {
  return <View className={`case-header case-header--${toneOf(phase)}${className ? ` ${className}` : ''}`}>{children}</View>
}

/** A status as a coloured word for lists: on a tinted pill, or `plain` text in the colour alone. */
export function StatusWord({ phase, children, testId, plain }: { phase: Phase; children: ReactNode; testId?: string; plain?: boolean }) {
  return (
    <Text className={`case-status${plain ? ' case-status--plain' : ''} case-status--${toneOf(phase)}`} data-testid={testId}>
      {children}
    </Text>
  )
}
