import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Shield } from '@nutui/icons-react-taro'
import { useState, type ReactNode } from 'react'
import { StatusView } from '@/components/status-view'
import { messageOf } from '@/platform/reply'
import { useConsent } from './consent'
import { CONSENT_COPY } from './copy'
import './index.scss'

export { agreeToPolicy, forgetConsent, hasConsented, policyUrl, useConsent, type Consent, type ConsentRecord, type PrivacyInfo } from './consent'

interface Props {
  /** This page's address, with what the user chose so far: the policy page comes back here after 同意并继续. */
  returnTo: string
  /** What needs the consent: the inputs for face photos, ID numbers or bank cards. */
  children: ReactNode
}

/**
 * Holds back a page's sensitive inputs until the user has agreed to the current privacy policy (PIPL art. 29:
 * sensitive personal information needs separate consent). Shows the children once agreed, a consent card before.
 */
export function ConsentGate({ returnTo, children }: Props) {
  const consent = useConsent()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  if (consent.consented) return <>{children}</>

  const agree = () => {
    if (busy) return
    setBusy(true)
    setError(undefined)
    consent
      .agree()
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false))
  }

  return (
    <View className='consent-gate'>
      <StatusView loading={!consent.ready && !consent.error} error={consent.error} onRetry={consent.reload} loadingText={CONSENT_COPY.loading}>
        <View className='consent-gate__card' data-testid='consent-gate'>
          <View className='consent-gate__head'>
            <Shield size={26} color='#0958d9' />
            <Text className='consent-gate__title'>{CONSENT_COPY.title}</Text>
          </View>
          <Text className='consent-gate__summary'>{CONSENT_COPY.summary}</Text>
          <Text className='consent-gate__link' onClick={() => consent.require(returnTo)} data-testid='consent-read'>
            {CONSENT_COPY.read} ›
          </Text>
          {error && (
            <View className='consent-gate__error' role='alert' data-testid='consent-gate-error'>
              {error}
            </View>
          )}
          <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={agree} data-testid='consent-agree'>
            {busy ? CONSENT_COPY.agreeing : CONSENT_COPY.agree}
          </Button>
        </View>
      </StatusView>
    </View>
  )
}
