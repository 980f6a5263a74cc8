import { View, Text } from '@tarojs/components'
import { ArrowRight, Notice } from '@nutui/icons-react-taro'
import type { InboxMessage } from '@/domain/order/order.view'
import { formatInstant } from '@/domain/time'
import { EmptyState, RemoteView } from '@/components/status-view'
import { useRemote } from '@/hooks/use-remote'
import { callFunction } from '@/platform/cloud'
import { openPage } from '@/platform/navigation'
import { MESSAGES_COPY } from '../copy'
import './index.scss'
import { pageRoot } from '@/components/page-root'

/** tabBar pages open with switchTab, which takes no query. */
const TAB_PAGES = new Set(['/pages/home/index', '/pages/orders/index', '/pages/messages/index'])

/** A message's page as the subscribe-message template names it (`pages/orders/index`, no leading slash). */
function open(page: string): void {
  const url = page.startsWith('/') ? page : `/${page}`
  const path = url.split('?')[0]
  if (TAB_PAGES.has(path)) openPage(path, true)
  else openPage(url)
}

/** One service notification, drawn like WeChat's 服务通知 card: title, time, label–value rows, 查看详情. */
function MessageCard({ message }: { message: InboxMessage }) {
  return (
    <View className='msg-card' data-testid='inbox-item' data-message-id={message.id}>
      <View className='msg-card__source'>
        <Notice size={16} color='#0958d9' />
        <Text>{MESSAGES_COPY.source}</Text>
      </View>
      <Text className='msg-card__title' data-testid='inbox-title'>
        {message.title}
      </Text>
      <Text className='msg-card__time'>{formatInstant(message.at)}</Text>
      <View className='msg-card__fields'>
        {message.fields.map((f) => (
          <View key={f.label} className='msg-card__row'>
            <Text className='msg-card__label'>{f.label}</Text>
            <Text className='msg-card__value'>{f.value}</Text>
          </View>
        ))}
      </View>
      <View className='msg-card__more' onClick={() => open(message.page)} data-testid='inbox-open'>
        <Text>{MESSAGES_COPY.viewDetail}</Text>
        <ArrowRight size={14} />
      </View>
    </View>
  )
}

function MessagesPage() {
  /** A tabBar page stays alive: coming back to it shows notifications sent meanwhile. */
  const inbox = useRemote(() => callFunction<InboxMessage[]>('user', 'messages', {}, { retries: 2 }), [], { reloadOnShow: true })

  return (
    <View className='messages'>
      <RemoteView remote={inbox}>
        {inbox.data && inbox.data.length > 0 ? (
          <View className='messages__list' data-testid='inbox'>
            {inbox.data.map((m) => (
              <MessageCard key={m.id} message={m} />
            ))}
          </View>
        ) : (
          <EmptyState image={<Notice size={72} color='#bfbfbf' />} title={MESSAGES_COPY.emptyTitle} description={MESSAGES_COPY.emptyDescription} testId='inbox-empty' />
        )}
      </RemoteView>
    </View>
  )
}

export default pageRoot(MessagesPage)
