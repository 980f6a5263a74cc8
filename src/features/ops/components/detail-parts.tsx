import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './panel.scss'
import './detail-parts.scss'

/** One label over its value in an `ops-facts` grid; `wide` spans both columns. */
export function Fact({ label, value, testId, wide }: { label: string; value: string; testId?: string; wide?: boolean }) {
  return (
    <View className={`ops-fact${wide ? ' ops-fact--wide' : ''}`}>
      <Text className='ops-panel__label'>{label}</Text>
      <Text className='ops-panel__value' data-testid={testId}>
        {value}
      </Text>
    </View>
  )
}

/** A white console card: its title, then the content. */
export function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <View className='ops-panel__card' data-testid={testId}>
      <Text className='ops-panel__card-title'>{title}</Text>
      {children}
    </View>
  )
}
