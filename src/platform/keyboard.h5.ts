/**
 * H5 build: single-key shortcuts (the operator's review desk: A approves, R rejects). Keys typed into a text field
 * or with a modifier held are left alone. https://developer.mozilla.org/docs/Web/API/Element/keydown_event
 * Returns the function that removes the listener.
 */
export function onShortcut(handler: (key: string) => void): () => void {
  const listener = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return
    const target = event.target as HTMLElement | null
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return
    handler(event.key.toLowerCase())
  }
  window.addEventListener('keydown', listener)
  return () => window.removeEventListener('keydown', listener)
}

/** Whether the device has a keyboard worth advertising shortcuts for. */
export const hasKeyboard = true
