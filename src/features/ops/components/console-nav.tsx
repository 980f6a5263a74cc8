import { View, Text } from '@tarojs/components'
import { Grid } from '@nutui/nutui-react-taro'
import { Category, Checklist, List, Lock, Notepad, Search, Warning } from '@nutui/icons-react-taro'
import type { ReactNode } from 'react'
import { COPY } from '../copy'
import { CONSOLE_TABS, type ConsoleTab } from '../routes'
import './console-nav.scss'

const ICONS: Record<ConsoleTab, (color: string) => ReactNode> = {
  board: (color) => <Category size={24} color={color} />,
  stuck: (color) => <Warning size={24} color={color} />,
  search: (color) => <Search size={24} color={color} />,
  desk: (color) => <Checklist size={24} color={color} />,
  cancellations: (color) => <Notepad size={24} color={color} />,
  loss: (color) => <Lock size={24} color={color} />,
  audit: (color) => <List size={24} color={color} />,
}

interface Props {
  value: ConsoleTab
  onChange: (tab: ConsoleTab) => void
}

/** The console's sections as large entries, four to a row, at the top; the current one is filled in. */
export function ConsoleNav({ value, onChange }: Props) {
  return (
    <View className='console-nav'>
      <Grid columns={4} gap={6} className='console-nav__grid'>
        {CONSOLE_TABS.map((tab) => {
          const active = tab === value
          return (
            <Grid.Item
              key={tab}
              className={`console-nav__item${active ? ' console-nav__item--active' : ''}`}
              onClick={() => onChange(tab)}
              data-testid={`ops-nav-${tab}`}
              data-active={active ? 'true' : 'false'}
              aria-selected={active}
              role='tab'
            >
              {ICONS[tab](active ? '#ffffff' : '#0958d9')}
              <Text className='console-nav__text'>{COPY.nav[tab]}</Text>
            </Grid.Item>
          )
        })}
      </Grid>
    </View>
  )
}
