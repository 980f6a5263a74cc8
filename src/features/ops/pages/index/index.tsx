import { View } from '@tarojs/components'
import { useState } from 'react'
import { centerAvailable } from '@/platform/center'
import { usePageQuery } from '@/platform/navigation'
import { AuditPanel } from '../../components/audit-panel'
import { BoardPanel } from '../../components/board-panel'
import { ConsoleNav } from '../../components/console-nav'
import { ReviewDesk } from '../../components/review-desk'
import { SearchPanel } from '../../components/search-panel'
import { StuckPanel } from '../../components/stuck-panel'
import { isConsoleTab, type ConsoleTab } from '../../routes'
import './index.scss'

/**
 * The operator console: 看板, 异常, 查询, 审核工作台, 审计日志 behind one row of entries. `?tab=` opens a section;
 * without it the console opens on the review desk where the simulated center exists (local mode, where the home
 * page's entry leads), on the board elsewhere. Only the open section is mounted, so only it refreshes.
 */
export default function OpsConsolePage() {
  const { tab: asked } = usePageQuery()
  const [tab, setTab] = useState<ConsoleTab>(isConsoleTab(asked) ? asked : centerAvailable ? 'desk' : 'board')
  const [query, setQuery] = useState<string>()

  return (
    <View className='ops' data-testid='ops-console' data-tab={tab}>
      <ConsoleNav value={tab} onChange={setTab} />
      {tab === 'board' && <BoardPanel />}
      {tab === 'stuck' && <StuckPanel />}
      {tab === 'search' && <SearchPanel query={query} onSearch={setQuery} />}
      {tab === 'desk' && <ReviewDesk />}
      {tab === 'audit' && <AuditPanel />}
    </View>
  )
}
