import Taro, { useRouter } from '@tarojs/taro'

/**
 * Opens a page: tabBar pages need switchTab, the rest navigateTo.
 * https://docs.taro.zone/docs/apis/route/switchTab · https://docs.taro.zone/docs/apis/route/navigateTo
 */
export function openPage(url: string, isTab = false): void {
  if (isTab) void Taro.switchTab({ url })
  else void Taro.navigateTo({ url })
}

/** Replaces the current page, so retaking a photo does not pile pages up. https://docs.taro.zone/docs/apis/route/redirectTo */
export function replacePage(url: string): void {
  void Taro.redirectTo({ url })
}

export function goHome(): void {
  void Taro.switchTab({ url: '/pages/home/index' })
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * The current page's query, decoded (weapp hands values over still encoded, H5 decoded; decoding twice is harmless
 * for the ids we pass). https://docs.taro.zone/docs/hooks#userouter
 */
export function usePageQuery(): Record<string, string | undefined> {
  const { params } = useRouter()
  const query: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(params)) query[key] = value === undefined ? undefined : decode(value)
  return query
}

export { useDidShow } from '@tarojs/taro'

/**
 * Scrolls the page to an element (an answer that appears below the button that asked for it).
 * https://docs.taro.zone/docs/apis/ui/scroll/pageScrollTo
 */
export function scrollToElement(selector: string): void {
  setTimeout(() => void Taro.pageScrollTo({ selector, duration: 300 }).catch(() => undefined), 50)
}

/** Back to the top of the page, for a section opened from further down. https://docs.taro.zone/docs/apis/ui/scroll/pageScrollTo */
export function scrollToTop(): void {
  void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
}
