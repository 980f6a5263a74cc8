import { useState } from 'react'
import { useRemote, type Remote, type RemoteOptions, type RemoteState } from '@/hooks/use-remote'
import { isDenied } from './api'

export interface OpsRemote<T> extends Remote<T> {
  /** The last load was refused because the signed-in user is not an operator. */
  denied: boolean
}

/** What the console's status view reads. */
export interface OpsRemoteState<T> extends RemoteState<T> {
  /** The last load was refused because the signed-in user is not an operator. */
  denied: boolean
}

/** useRemote, plus whether a failure means "not an operator", so the page can offer to switch accounts. */
export function useOpsRemote<T>(load: () => Promise<T>, deps: readonly unknown[] = [], options: RemoteOptions = {}): OpsRemote<T> {
  const [denied, setDenied] = useState(false)
  const remote = useRemote(
    () =>
      load().then(
        (value) => {
          setDenied(false)
          return value
        },
        (error: unknown) => {
          setDenied(isDenied(error))
          throw error
        },
      ),
    deps,
    options,
  )
  return { ...remote, denied }
}
