import { useCallback, useEffect, useState } from 'react'
import type { Retention } from '@/domain/privacy/retention'
import { callFunction } from '@/platform/cloud'
import { openPage } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'

/** A recorded consent: the policy version agreed to, and when (UTC instant). */
export interface ConsentRecord {
  version: string
  at: string
}

/** What `user.privacy` answers: the current policy version, the caller's consent, and the retention periods. */
export interface PrivacyInfo {
  version: string
  consent: ConsentRecord | null
  retention: Retention
}

/**
 * The privacy policy page (features/privacy). Shared components never import a feature, so the address is
 * spelled here; `returnTo` is where the page goes back to once the user agrees.
 */
const POLICY_PAGE = '/features/privacy/pages/policy/index'
export const policyUrl = (returnTo?: string): string => (returnTo ? `${POLICY_PAGE}?returnTo=${encodeURIComponent(returnTo)}` : POLICY_PAGE)

/**
 * One copy of `user.privacy` per session (per app launch): every gated page and the policy page read it, and
 * agreeing anywhere updates them all. Consent lives on the server, so a new session reads it again.
 */
let cached: PrivacyInfo | undefined
let inflight: Promise<PrivacyInfo> | undefined
const listeners = new Set<(info: PrivacyInfo | undefined) => void>()

function publish(info: PrivacyInfo | undefined): void {
  cached = info
  for (const listener of listeners) listener(info)
}

/** Reads `user.privacy` once; later calls share the answer (or the call under way). */
export function loadPrivacy(): Promise<PrivacyInfo> {
  if (cached) return Promise.resolve(cached)
  if (!inflight) {
    inflight = callFunction<PrivacyInfo>('user', 'privacy', {}, { retries: 2 })
      .then((info) => {
        publish(info)
        return info
      })
      .finally(() => {
        inflight = undefined
      })
  }
  return inflight
}

/** Whether the user agreed to the policy version the server holds now (a new version asks again). */
export const hasConsented = (info: PrivacyInfo | undefined): boolean => !!info?.consent && info.consent.version === info.version

/** Records consent to the version the user was shown (`user.consent`); a newer policy on the server refuses it. */
export async function agreeToPolicy(version: string): Promise<ConsentRecord> {
  const { consent } = await callFunction<{ consent: ConsentRecord }>('user', 'consent', { version })
  const info = cached ?? (await loadPrivacy())
  publish({ ...info, consent })
  return consent
}

/** After the account is deleted there is no consent any more: the next sensitive step asks again. */
export function forgetConsent(): void {
  if (cached) publish({ ...cached, consent: null })
}

export interface Consent {
  /** `user.privacy` has answered. */
  ready: boolean
  consented: boolean
  privacy: PrivacyInfo | undefined
  error: string | undefined
  reload: () => void
  /** Records consent to the current version; rejects with the server's message. */
  agree: () => Promise<void>
  /** True when the user has consented; otherwise opens the policy, which comes back to `returnTo` once agreed. */
  require: (returnTo?: string) => boolean
}

/** The user's consent to the privacy policy, loaded once per session and shared by every page that asks. */
export function useConsent(): Consent {
  const [privacy, setPrivacy] = useState<PrivacyInfo | undefined>(cached)
  const [error, setError] = useState<string>()
  const [tick, setTick] = useState(0)

  useEffect(() => {
    listeners.add(setPrivacy)
    return () => {
      listeners.delete(setPrivacy)
    }
  }, [])

  useEffect(() => {
    let live = true
    setError(undefined)
    loadPrivacy()
      .then((info) => live && setPrivacy(info))
      .catch((e: unknown) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [tick])

  const consented = hasConsented(privacy)
  const reload = useCallback(() => setTick((t) => t + 1), [])
  const agree = useCallback(async () => {
    const info = privacy ?? (await loadPrivacy())
    await agreeToPolicy(info.version)
  }, [privacy])
  const require = useCallback(
    (returnTo?: string) => {
      if (consented) return true
      openPage(policyUrl(returnTo))
      return false
    },
    [consented],
  )
  return { ready: !!privacy, consented, privacy, error: privacy ? undefined : error, reload, agree, require }
}
