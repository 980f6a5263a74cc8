import { JSDOM } from 'jsdom'

/**
 * The webview of the render layer: exparser builds its DOM into a jsdom document. Only the test's realm gets these
 * globals; the app's logic realm (runtime.ts) never sees a window or a document, as on the phone.
 */
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
const view = dom.window as unknown as Record<string, unknown>
const globals = globalThis as unknown as Record<string, unknown>
for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'Text', 'Comment', 'DocumentFragment', 'CustomEvent', 'TouchEvent', 'Touch', 'MouseEvent', 'getComputedStyle', 'MutationObserver', 'requestAnimationFrame', 'cancelAnimationFrame']) {
  if (!(key in globals) || key === 'window' || key === 'document' || key === 'navigator') {
    Object.defineProperty(globals, key, { value: view[key], configurable: true, writable: true })
  }
}
