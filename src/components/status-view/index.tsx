import { View, Text } from '@tarojs/components'
import { Button, Empty, Loading } from '@nutui/nutui-react-taro'
import { NetworkError } from '@nutui/icons-react-taro'
import type { ReactNode } from 'react'
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
