import { useCallback, useEffect, useState } from 'react'
import type { Profile } from '@/domain/user/user.schema'
import { callFunction } from '@/platform/cloud'
import { readLocal, writeLocal } from '@/platform/storage'
import { applyDocumentScale } from '@/platform/text-scale'

/**
 * 长辈模式: larger text and larger tap targets on every page (src/app.scss `.hz-elder`), following WeChat's 适老化
 * guide (https://developers.weixin.qq.com/miniprogram/design/elderly.html). The setting is the user's own: the profile's
 * `largeText`, saved with user.updateProfile, so it follows them to another phone. A copy in device storage applies it
 * the moment the app starts, before the profile has loaded; the profile then corrects it (another user on this phone).
 */
const CACHE_KEY = 'huizhi.largeText'

let current = readLocal(CACHE_KEY) === '1'
let profile: Promise<Profile> | undefined
const listeners = new Set<(on: boolean) => void>()

applyDocumentScale(current)

function publish(on: boolean): void {
  current = on
  writeLocal(CACHE_KEY, on ? '1' : '0')
  applyDocumentScale(on)
  for (const listener of listeners) listener(on)
}

/** The signed-in user's profile, read once per launch; its `largeText` wins over the cached copy. */
function loadProfile(): Promise<Profile> {
  profile ??= callFunction<Profile>('user', 'get', undefined, { retries: 2 }).then(
    (p) => {
      if (p.largeText !== current) publish(p.largeText)
      return p
    },
    (error: unknown) => {
      profile = undefined
      throw error
    },
  )
  return profile
}

export interface ElderMode {
  on: boolean
  /** Turns 长辈模式 on or off now, and saves it to the profile; back as it was (and throws) when saving fails. */
  set: (on: boolean) => Promise<void>
}

export function useElderMode(): ElderMode {
  const [on, setOn] = useState(current)
  useEffect(() => {
    listeners.add(setOn)
    setOn(current)
    loadProfile().catch(() => undefined)
    return () => {
      listeners.delete(setOn)
    }
  }, [])
  const set = useCallback(async (next: boolean) => {
    const before = current
    publish(next)
    try {
      const { nickname } = await loadProfile()
      const saved = await callFunction<Profile>('user', 'updateProfile', { nickname, largeText: next })
      profile = Promise.resolve(saved)
      publish(saved.largeText)
    } catch (error) {
      publish(before)
      throw error
    }
  }, [])
  return { on, set }
}
