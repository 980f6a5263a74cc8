import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ArrowRight, Notice } from '@nutui/icons-react-taro'
import { groupedNumber } from '@/domain/order/receipt-number'
import { copyText } from '@/platform/clipboard'
import { showToast } from '@/platform/device'
import { useDidShow } from '@/platform/navigation'
import { showUnreadBadge } from '@/platform/tab-badge'
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

/** The receipt's numbers in full (WeChat's message field cuts them at 20 characters), grouped, each with 复制. */
function WholeNumbers({ receipt }: { receipt: NonNullable<InboxMessage['receipt']> }) {
  const rows = [
    { label: MESSAGES_COPY.receiptNumber, value: receipt.receiptNumber, testId: 'inbox-receipt-number' },
    ...(receipt.imageNumber ? [{ label: MESSAGES_COPY.imageNumber, value: receipt.imageNumber, testId: 'inbox-image-number' }] : []),
  ]
  return (
    <View className='msg-card__numbers'>
      {rows.map((r) => (
        <View key={r.testId} className='msg-card__number'>
          <Text className='msg-card__label'>{r.label}</Text>
          <Text className='msg-card__number-value' data-testid={r.testId} data-value={r.value} selectable>
            {groupedNumber(r.value)}
          </Text>
          <Button
            size='large'
            fill='outline'
            onClick={() => void copyText(r.value).then((ok) => showToast(ok ? MESSAGES_COPY.copied(r.label) : MESSAGES_COPY.copyFailed))}
            data-testid={`${r.testId}-copy`}
          >
            {MESSAGES_COPY.copy}
          </Button>
        </View>
      ))}
    </View>
  )
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
      {message.receipt && <WholeNumbers receipt={message.receipt} />}
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
  /** Seen: what is in the inbox now is read, and the tab's badge goes (a message arriving later badges it again). */
  useDidShow(() => {
    void callFunction('user', 'readMessages', {}, { retries: 1 })
      .then(() => showUnreadBadge(0))
      .catch(() => undefined)
  })

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
