import { useCallback, useRef, useState } from 'react'
import { messageOf } from '@/platform/reply'

export interface Action<A extends unknown[], R> {
  /** Runs the mutation unless one is already under way (a double tap); resolves to its result, or undefined on failure. */
  run: (...args: A) => Promise<R | undefined>
  busy: boolean
  /** The last failure's message, cleared when the action runs again. */
  error: string | undefined
  /** Sets or clears the message (a check the page makes before it calls). */
  setError: (message: string | undefined) => void
}

export interface ActionOptions {
  /** Called with the failure before its message is shown (to read its code or its field details). */
  onError?: (error: unknown) => void
  /** The words for a failure (a payment's or a file's own), instead of the server's message. */
  message?: (error: unknown) => string
  /** Stays busy after success: the action leaves the page, and a second tap must not send it again meanwhile. */
  holdOnSuccess?: boolean
}

/** One mutation's busy and error state: `run` refuses while busy and keeps the server's Chinese message on failure. */
export function useAction<A extends unknown[], R>(act: (...args: A) => Promise<R>, options: ActionOptions = {}): Action<A, R> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const running = useRef(false)
  const actRef = useRef(act)
  actRef.current = act
  const optionsRef = useRef(options)
  optionsRef.current = options

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (running.current) return undefined
    running.current = true
    setBusy(true)
    setError(undefined)
    try {
      const result = await actRef.current(...args)
      if (!optionsRef.current.holdOnSuccess) {
        running.current = false
        setBusy(false)
      }
      return result
    } catch (e) {
      optionsRef.current.onError?.(e)
      setError((optionsRef.current.message ?? messageOf)(e))
      running.current = false
      setBusy(false)
      return undefined
    }
  }, [])

  return { run, busy, error, setError }
}
