import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'

export interface Remote<T> {
  data: T | undefined
  /** The last load's failure. With `data` still there it is a failed refresh: show it above what was loaded. */
  error: string | undefined
  loading: boolean
  reload: () => void
  /** Shows the answer of a mutation (the case as it now is) until the next load. */
  set: (value: T) => void
}

/** What a view of remote data reads: without `set`, so a page may show a narrowed copy of its remote. */
export type RemoteState<T> = Omit<Remote<T>, 'set'>

export interface RemoteOptions {
  /**
   * Loads again each time the page comes back into view (back from paying, from another page, from the album), not on
   * its first show nor while a load is under way (also right for a part mounted after its page was shown). A function decides per show (false while a picker of the page's own is open).
   * https://docs.taro.zone/docs/hooks#usedidshow
   */
  reloadOnShow?: boolean | (() => boolean)
}

/** Loads remote data with loading and error states, a reload for the retry button, and optionally again on show. */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[] = [], options: RemoteOptions = {}): Remote<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load
  /** A show while the first load has not started or a load is in flight is the page's own first show: nothing to redo. */
  const inFlight = useRef(true)
  const optionsRef = useRef(options)
  optionsRef.current = options

  useEffect(() => {
    let live = true
    inFlight.current = true
    setLoading(true)
    setError(undefined)
    loadRef
      .current()
      .then((value) => live && setData(value))
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => {
        if (!live) return
        inFlight.current = false
        setLoading(false)
      })
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick, ...deps])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  const set = useCallback((value: T) => {
    setData(value)
    setError(undefined)
  }, [])

  useDidShow(() => {
    const { reloadOnShow } = optionsRef.current
    const again = typeof reloadOnShow === 'function' ? reloadOnShow() : !!reloadOnShow
    if (again && !inFlight.current) reload()
  })

  return { data, error, loading, reload, set }
}
