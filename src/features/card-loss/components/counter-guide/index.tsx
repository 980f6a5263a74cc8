import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Phone } from '@nutui/icons-react-taro'
import type { ReactNode } from 'react'
import type { CounterGuide } from '@/domain/card-loss/counter-guide'
import { isSourced, type Evidence } from '@/domain/sources/source'
import { dial } from '@/platform/device'
import { COPY } from '../../copy'
import './index.scss'

const G = COPY.counter

function Part({ title, evidence, testId, children }: { title: string; evidence: Evidence; testId: string; children: ReactNode }) {
  const sourced = isSourced(evidence)
  return (
    <View className='counter-guide__part' data-testid={testId} data-sourced={String(sourced)}>
      <Text className='counter-guide__part-title'>
        {title}
        {sourced ? '' : `（${G.reference}）`}
      </Text>
      {children}
      {sourced ? (
        <Text className='counter-guide__source'>{G.source(evidence.title)}</Text>
      ) : (
        <Text className='counter-guide__source'>{G.unverified}</Text>
      )}
    </View>
  )
}

/**
 * A 「到窗口办理」 answer that is not a dead end: what to do there, what to bring, whom to call, where the counter is.
 * Each part says its source, or that it is reference only.
 */
export function CounterGuideCard({ guide, title }: { guide: CounterGuide; title: string }) {
  return (
    <View className='counter-guide' data-testid='counter-guide' data-policy={guide.policyId}>
      <Text className='counter-guide__title'>{title}</Text>
      <Part title={G.route} evidence={guide.evidence.route} testId='counter-route'>
        <Text className='counter-guide__text'>{guide.route}</Text>
      </Part>
      <Part title={G.materials} evidence={guide.evidence.materials} testId='counter-materials'>
        {guide.materials.map((m) => (
          <Text key={m} className='counter-guide__text'>
            · {m}
          </Text>
        ))}
      </Part>
      <Part title={G.where} evidence={guide.evidence.where} testId='counter-where'>
        <Text className='counter-guide__text'>{guide.where}</Text>
      </Part>
      <Part title={G.hotlines} evidence={guide.evidence.hotlines} testId='counter-hotlines'>
        <View className='counter-guide__hotlines'>
          {guide.hotlines.map((h) => (
            <Button key={h.number} size='large' fill='outline' icon={<Phone size={18} />} onClick={() => dial(h.number)} data-testid={`counter-dial-${h.number}`}>
              {`${h.label} ${h.number}`}
            </Button>
          ))}
        </View>
      </Part>
    </View>
  )
}
