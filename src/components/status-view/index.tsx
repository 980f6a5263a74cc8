import { View, Text } from '@tarojs/components'
import { Button, Empty, Loading } from '@nutui/nutui-react-taro'
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
      <View className='status-view' role='alert'>
        <Empty status='network' title='加载失败' description={error} />
        {onRetry && (
          <Button type='primary' size='large' className='status-view__retry' onClick={onRetry}>
            重新加载
          </Button>
        )}
      </View>
    )
  }
  return <>{children}</>
}

export function Hint({ children }: { children: ReactNode }) {
  return <Text className='status-view__hint'>{children}</Text>
}
