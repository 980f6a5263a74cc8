/** weapp build: phones have no hardware keyboard; shortcuts are a no-op. */
export function onShortcut(_handler: (key: string) => void): () => void {
  return () => undefined
}

export const hasKeyboard = false
