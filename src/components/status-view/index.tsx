import { View, Text } from '@tarojs/components'
import { Button, Empty, Loading } from '@nutui/nutui-react-taro'
import { NetworkError } from '@nutui/icons-react-taro'
import type { ReactNode } from 'react'
import type { RemoteState } from '@/hooks/use-remote'
import './index.scss'

interface Props {
  loading: boolean
  error?: string
  onRetry?: () => void
  loadingText?: string
  children: ReactNode
}

/** Shows a spinner while loading, the error with a retry button on failure, the content otherwise. */
export function StatusView({ loading, error, onRetry, loadingText = '正在加载…', children }: Props) {
  if (loading) {
    return (
      <View className='status-view' aria-busy='true'>
        <Loading type='circular'>{loadingText}</Loading>
      </View>
    )
  }
  if (error) {
    return (
      <View className='status-view' role='alert' data-testid='load-error'>
        <EmptyState image={<NetworkError size={72} color='#bfbfbf' />} title='加载失败' description={error} />
        {onRetry && (
          <Button type='primary' size='large' className='status-view__retry' onClick={onRetry} data-testid='retry'>
            重试
          </Button>
        )}
      </View>
    )
  }
  return <>{children}</>
}

interface EmptyStateProps {
  /** An icon: NutUI's default pictures come from a CDN that closed networks cannot reach. */
  image: ReactNode
  title: ReactNode
  description?: ReactNode
  testId?: string
}

/** NutUI's Empty at a size older eyes can read: large icon, large title, readable description. */
export function EmptyState({ image, title, description, testId }: EmptyStateProps) {
  return <Empty className='big-empty' image={image} title={title} description={description} data-testid={testId} />
}

export function Hint({ children }: { children: ReactNode }) {
  return <Text className='status-view__hint'>{children}</Text>
}

interface RemoteViewProps<T> {
  remote: RemoteState<T>
  /** Without it a first failure offers no 重试 (a page opened with a bad link has nothing to retry). */
  retry?: boolean
  loadingText?: string
  children: ReactNode
}

/**
 * A page's remote data: loading, then the content; a first load that fails shows the error with 重试; a later
 * refresh that fails (back on the page, 刷新) keeps what was loaded under a one-line warning with 重试.
 */
export function RemoteView<T>({ remote, retry = true, loadingText, children }: RemoteViewProps<T>) {
  const first = remote.data === undefined
  return (
    <>
      {!first && remote.error && (
        <View className='status-view__stale' role='alert' data-testid='refresh-error'>
          <Text className='status-view__stale-text'>刷新失败：{remote.error}</Text>
          <Button size='small' type='primary' fill='outline' onClick={remote.reload} data-testid='refresh-retry'>
            重试
          </Button>
        </View>
      )}
      <StatusView loading={remote.loading && first} error={first ? remote.error : undefined} onRetry={retry ? remote.reload : undefined} loadingText={loadingText}>
        {children}
      </StatusView>
    </>
  )
}
