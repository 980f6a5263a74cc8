import Taro from '@tarojs/taro'

const API_BASE = process.env.TARO_APP_API_BASE ?? ''

const absolute = (url: string) => (url.startsWith('/') ? `${API_BASE}${url}` : url)

/**
 * H5 build: pictures in Taro's full-screen swiper (tap to close), starting at `current`.
 * https://docs.taro.zone/docs/apis/media/image/previewImage
 */
export async function previewImages(urls: readonly string[], current: string): Promise<void> {
  await Taro.previewImage({ urls: urls.map(absolute), current: absolute(current) })
}

/**
 * H5 build: the browser's own PDF viewer in a new tab (https://developer.mozilla.org/docs/Web/API/Window/open).
 * Must be called from a tap, before any await, or the browser blocks the tab.
 */
export async function openDocument(url: string): Promise<void> {
  window.open(absolute(url), '_blank', 'noopener')
}
