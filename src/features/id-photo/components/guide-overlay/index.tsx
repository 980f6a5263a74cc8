import { View } from '@tarojs/components'
import { guideFor } from '@/domain/photo/guide'
import type { SpecShape } from '@/domain/photo/spec.types'
import type { PhotoSubject } from '@/domain/photo/child-guidance'
import { Text } from '@tarojs/components'
import { COPY } from '../../copy'
import './index.scss'

/** The camera stage is 3:4 (width:height), the shape of a portrait phone photo. */
export const STAGE_ASPECT = 3 / 4
/** The spec frame takes this share of the stage width: at arm's length the face then fills the oval. */
const FRAME_WIDTH = 0.72
/** The shoulder arc is drawn as the top of an ellipse this many frame heights tall. */
const SHOULDER_DEPTH = 0.7

const pct = (x: number) => `${(x * 100).toFixed(2)}%`

/**
 * The head-and-shoulders outline over the camera, shaped for the spec: the frame has the spec's
 * proportions, the oval sits where the spec wants the head, the dashed line marks the eye line. For a child or a
 * baby the outline is the same (the spec is) and a banner says how to shoot them; the oval turns warm.
 */
export function GuideOverlay({ spec, subject = 'adult' }: { spec: SpecShape; subject?: PhotoSubject }) {
  const g = guideFor(spec)
  const frameHeight = (FRAME_WIDTH * STAGE_ASPECT) / g.aspect
  const banner = subject === 'infant' ? COPY.subject.infantBanner : subject === 'child' ? COPY.subject.childBanner : undefined
  return (
    <View className={`guide-overlay guide-overlay--${subject}`} data-testid='guide-overlay' data-subject={subject}>
      {banner && (
        <Text className='guide-overlay__banner' data-testid='guide-banner'>
          {banner}
        </Text>
      )}
      <View
        className='guide-overlay__frame'
        style={{ left: pct((1 - FRAME_WIDTH) / 2), width: pct(FRAME_WIDTH), top: pct((1 - frameHeight) / 2), height: pct(frameHeight) }}
      >
        <View
          className='guide-overlay__shoulders'
          style={{ left: pct((1 - g.shoulders.width) / 2), width: pct(g.shoulders.width), top: pct(g.shoulders.top), height: pct(SHOULDER_DEPTH * 2) }}
        />
        <View className='guide-overlay__head' data-testid='guide-head' style={{ left: pct(g.head.left), top: pct(g.head.top), width: pct(g.head.width), height: pct(g.head.height) }} />
        <View className='guide-overlay__eyes' style={{ left: pct(g.head.left - 0.06), width: pct(g.head.width + 0.12), top: pct(g.eyeLine) }} />
      </View>
    </View>
  )
}
