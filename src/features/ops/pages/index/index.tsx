import { View } from '@tarojs/components'
import { useState } from 'react'
import { centerAvailable } from '@/platform/center'
import { scrollToTop, usePageQuery } from '@/platform/navigation'
import { ApplicationPanel, type ApplicationFilter } from '../../components/application-panel'
import { AuditPanel } from '../../components/audit-panel'
import { BoardPanel } from '../../components/board-panel'
import { ConsoleNav } from '../../components/console-nav'
import { LossPanel } from '../../components/loss-panel'
import { ReviewDesk } from '../../components/review-desk'
import { SearchPanel } from '../../components/search-panel'
import { StuckPanel } from '../../components/stuck-panel'
import { isConsoleTab, type ConsoleTab } from '../../routes'
import './index.scss'
import { pageRoot } from '@/components/page-root'

/**
 * The operator console: 看板, 异常, 查询, 审核工作台, 注销申请, 挂失补卡, 审计日志 behind one block of entries. `?tab=` opens a section;
 * without it the console opens on the review desk where the simulated center exists (local mode, where the home
 * page's entry leads), on the board elsewhere. Only the open section is mounted, so only it refreshes.
 */
function OpsConsolePage() {
  const { tab: asked } = usePageQuery()
  const [tab, setTab] = useState<ConsoleTab>(isConsoleTab(asked) ? asked : centerAvailable ? 'desk' : 'board')
  const [query, setQuery] = useState<string>()
  const [applications, setApplications] = useState<ApplicationFilter>('open')
  /** Another section starts at its top, wherever the last one was scrolled to (the board's figures are at its bottom). */
  const open = (next: ConsoleTab) => {
    setTab(next)
    scrollToTop()
  }

  return (
    <View className='ops' data-testid='ops-console' data-tab={tab}>
      <ConsoleNav value={tab} onChange={open} />
      {tab === 'board' && <BoardPanel onOpen={open} />}
      {tab === 'stuck' && <StuckPanel />}
      {tab === 'search' && <SearchPanel query={query} onSearch={setQuery} />}
      {tab === 'desk' && <ReviewDesk />}
      {tab === 'cancellations' && <ApplicationPanel filter={applications} onFilter={setApplications} />}
      {tab === 'loss' && <LossPanel />}
      {tab === 'audit' && <AuditPanel />}
    </View>
  )
}

export default pageRoot(OpsConsolePage)
