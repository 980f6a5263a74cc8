import { Text } from '@tarojs/components'
import type { ApplicationState } from '@/domain/cancellation/cancellation.machine'
import './index.scss'

export const STATUS_TONE: Record<ApplicationState, 'warn' | 'info' | 'ok' | 'bad'> = {
  draft: 'warn',
  submitted: 'info',
  reviewing: 'info',
  approved: 'ok',
  rejected: 'bad',
}

/** An application's status as a coloured word: 草稿 orange, in review blue, 已注销 green, 未通过 red. */
export function StatusTag({ status, label }: { status: ApplicationState; label: string }) {
  return <Text className={`cx-status cx-status--${STATUS_TONE[status]}`}>{label}</Text>
}
