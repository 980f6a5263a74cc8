import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { CheckChecked, Failure, Tips } from '@nutui/icons-react-taro'
import { useState } from 'react'
import type { CheckResult } from '@/domain/photo/checks'
import { COPY } from '../../copy'
import './index.scss'

function measuredText(check: CheckResult): string {
  if (check.measured === null) return COPY.preview.notMeasured
  return COPY.preview.measured(`${check.measured}${check.unit ? ` ${check.unit}` : ''}`)
}

function StatusIcon({ check }: { check: CheckResult }) {
  if (check.passed) return <CheckChecked size={22} color='#389e0d' />
  if (check.severity === 'warn') return <Tips size={22} color='#d46b08' />
  return <Failure size={22} color='#cf1322' />
}

function StatusTag({ check }: { check: CheckResult }) {
  if (check.passed) return <Tag type='success'>✓ {COPY.preview.passed}</Tag>
  if (check.severity === 'warn') return <Tag type='warning'>! {COPY.preview.warning}</Tag>
  return <Tag type='danger'>✗ {COPY.preview.failed}</Tag>
}

/** Every pre-check beside the photo: label, ✓/✗, what was measured, the limit, and how to fix a failure. */
export function CheckList({ checks }: { checks: readonly CheckResult[] }) {
  return (
    <CellGroup title={<Text className='check-list__title'>{COPY.preview.checksTitle}</Text>} className='check-list' data-testid='check-list'>
      {checks.map((check) => (
        <Cell
          key={check.id}
          className={`check-list__item check-list__item--${check.passed ? 'passed' : check.severity}`}
          data-testid={`check-${check.id}`}
          data-passed={check.passed ? 'true' : 'false'}
          title={
            <View className='check-list__label'>
              <StatusIcon check={check} />
              <Text>{check.label}</Text>
            </View>
          }
          description={
            <View className='check-list__detail'>
              <Text className='check-list__numbers'>
                {measuredText(check)} · {COPY.preview.limit(check.limit)}
              </Text>
              {!check.passed && check.message && (
                <Text className='check-list__message' data-testid={`check-${check.id}-message`}>
                  {check.message}
                </Text>
              )}
            </View>
          }
          extra={<StatusTag check={check} />}
        />
      ))}
    </CellGroup>
  )
}

/**
 * The checks in plain words first (「15 项检测全部通过」), the measured rows on demand. A check that failed or warns
 * opens the details, since the user has to act on it.
 */
export function CheckSummary({ checks }: { checks: readonly CheckResult[] }) {
  const passed = checks.filter((c) => c.passed).length
  const all = passed === checks.length
  const [open, setOpen] = useState(!all)
  return (
    <View className='check-summary'>
      <View className={`check-summary__head check-summary__head--${all ? 'passed' : 'attention'}`}>
        {all ? <CheckChecked size={24} color='#237804' /> : <Tips size={24} color='#ad4e00' />}
        <Text className='check-summary__text' data-testid='check-summary' data-passed-count={passed} data-total={checks.length}>
          {all ? COPY.preview.allPassed(checks.length) : COPY.preview.somePassed(passed, checks.length)}
        </Text>
      </View>
      <Button size='large' fill='none' className='check-summary__toggle' onClick={() => setOpen(!open)} data-testid='check-details-toggle' data-open={String(open)}>
        {open ? COPY.preview.hideDetails : COPY.preview.showDetails}
      </Button>
      {open && <CheckList checks={checks} />}
    </View>
  )
}
