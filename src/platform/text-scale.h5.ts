/**
 * H5: 长辈模式 is a class on <html>, so every page, the tab bar and popups mounted on <body> take the larger scale
 * (src/app.scss). Each page's own root carries it as well (src/components/page-root), as on the mini-program.
 */
export function applyDocumentScale(elder: boolean): void {
  if (typeof document === 'undefined') return
  document.documentElement.classList.toggle('hz-elder', elder)
}
