import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '@/platform/reply'

export interface Remote<T> {
  data: T | undefined
  error: string | undefined
  loading: boolean
  reload: () => void
}

/** Loads remote data with loading and error states, and a reload for the retry button. */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[] = []): Remote<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    let live = true
    setLoading(true)
    setError(undefined)
    loadRef
      .current()
      .then((value) => live && setData(value))
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick, ...deps])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data, error, loading, reload }
}
