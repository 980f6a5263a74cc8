/**
 * Taro's H5 tab bar draws each tab as `<a href="javascript:;">` (@tarojs/components, tabbar-item). Following such a
 * link runs a `javascript:` URL, which the app's Content-Security-Policy forbids (script-src without 'unsafe-inline',
 * emulator/security.ts), so every tab tap logged a CSP violation. The tab's own click handler does the switching; this
 * stops only the browser's default of following the link, before it happens, for any `javascript:` link. The policy
 * stays as strict as it is.
 */
export function disarmScriptLinks(): void {
  if (typeof document === 'undefined') return
  document.addEventListener(
    'click',
    (event) => {
      for (const node of event.composedPath()) {
        if (node instanceof HTMLAnchorElement) {
          if (/^\s*javascript:/i.test(node.getAttribute('href') ?? '')) event.preventDefault()
          return
        }
      }
    },
    true,
  )
}
