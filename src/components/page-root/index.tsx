import { View } from '@tarojs/components'
import type { ComponentType } from 'react'
import { useElderMode } from '@/hooks/use-elder-mode'
import './index.scss'

/**
 * Wraps a page in the root that carries 长辈模式 (`hz-elder`): on the mini-program each page is its own tree with no
 * shared root a class could go on, so every page's default export is `pageRoot(Page)`. On H5 <html> carries it too.
 */
export function pageRoot<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function PageRoot(props: P) {
    const { on } = useElderMode()
    return (
      <View className={on ? 'hz-page hz-elder' : 'hz-page'} data-elder={on ? 'on' : 'off'}>
        <Page {...props} />
      </View>
    )
  }
  PageRoot.displayName = `PageRoot(${Page.displayName ?? Page.name ?? 'Page'})`
  return PageRoot
}
