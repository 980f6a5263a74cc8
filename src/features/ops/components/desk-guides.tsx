import { View, Text, Image } from '@tarojs/components'
import { specById } from '@/domain/photo/specs'
import type { CheckResult } from '@/domain/photo/checks'
import { useRemote } from '@/hooks/use-remote'
import { getDetail } from '../api'
import { COPY } from '../copy'
import './desk-guides.scss'

interface Line {
  kind: 'h' | 'v'
  /** Position as a share of the photo's height (h) or width (v). */
  at: number
  label: string
}

/** The spec's head rules as lines over the photo: hair-top band, lowest eye line, face-width bounds. */
function guideLines(specId: string): Line[] {
  const spec = specById(specId)
  if (!spec) return []
  const { width: W, height: H } = spec.pixels
  const h = spec.head
  const lines: Line[] = []
  if (h.hairTopMargin?.min !== undefined) lines.push({ kind: 'h', at: h.hairTopMargin.min / H, label: '' })
  if (h.hairTopMargin?.max !== undefined) lines.push({ kind: 'h', at: h.hairTopMargin.max / H, label: `头顶 ${h.hairTopMargin.min ?? 0}–${h.hairTopMargin.max}` })
  if (h.eyeLineFromBottom?.min !== undefined) lines.push({ kind: 'h', at: (H - h.eyeLineFromBottom.min) / H, label: '眼线下限' })
  const width = h.faceWidth ?? h.headWidth
  if (width?.min !== undefined) {
    lines.push({ kind: 'v', at: (W - width.min) / 2 / W, label: '' }, { kind: 'v', at: (W + width.min) / 2 / W, label: `宽≥${width.min}` })
  }
  return lines
}

/** The photo under review with the spec's guide lines drawn over it, and the pre-check results beside it. */
export function DeskGuides({ orderId, photoUrl }: { orderId: string; photoUrl: string }) {
  const detail = useRemote(() => getDetail(orderId), [orderId])
  const lines = detail.data ? guideLines(detail.data.specId) : []
  const checks: CheckResult[] = detail.data?.photoChecks ?? []
  return (
    <View className='desk-guides'>
      <View className='desk-guides__frame' data-testid='review-photo-frame'>
        <Image className='desk-guides__photo' src={photoUrl} mode='scaleToFill' data-testid='review-photo' />
        {lines.map((l, i) => (
          <View
            key={i}
            className={`desk-guides__line desk-guides__line--${l.kind}`}
            style={l.kind === 'h' ? { top: `${(l.at * 100).toFixed(2)}%` } : { left: `${(l.at * 100).toFixed(2)}%` }}
            data-testid='guide-line'
          >
            {l.label && <Text className={`desk-guides__label desk-guides__label--${l.kind}`}>{l.label}</Text>}
          </View>
        ))}
      </View>
      <View className='desk-guides__checks' data-testid='review-checks'>
        <Text className='desk-guides__title'>{COPY.desk.checksTitle}</Text>
        {detail.loading && <Text className='desk-guides__muted'>{COPY.desk.checksLoading}</Text>}
        {checks.map((c) => (
          <Text key={c.id} className={`desk-guides__check${c.passed ? '' : ' desk-guides__check--failed'}`} data-testid='review-check' data-passed={String(c.passed)}>
            {c.passed ? '✓' : '✗'} {c.label} {c.measured ?? '—'}
          </Text>
        ))}
      </View>
    </View>
  )
}
