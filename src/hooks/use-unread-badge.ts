import { callFunction } from '@/platform/cloud'
import { useDidShow } from '@/platform/navigation'
import { showUnreadBadge } from '@/platform/tab-badge'

/**
 * Keeps the 消息 tab's badge current on a tabBar page: each time the page shows, the unread count (`user.unread`).
 * A failed count leaves the badge as it was.
 */
export function useUnreadBadge(): void {
  useDidShow(() => {
    void callFunction<{ count: number }>('user', 'unread', {}, { retries: 1 })
      .then((r) => showUnreadBadge(r.count))
      .catch(() => undefined)
  })
}
