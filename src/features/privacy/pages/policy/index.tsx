import { View, Text } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { CheckNormal, Checked, Tips } from '@nutui/icons-react-taro'
import { useState, type ReactNode } from 'react'
import { SOCIAL_SECURITY_HOTLINE } from '@/domain/services'
import { formatMessageTime } from '@/domain/time'
import { useConsent, type PrivacyInfo } from '@/components/consent-gate'
import { CustomerService } from '@/components/customer-service'
import { StatusView } from '@/components/status-view'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { dataUrl, returnToOf } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const P = COPY.policy

/** `2026-11-24` as `2026年11月24日`; any other version string as it is. */
function dateOf(version: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(version)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : version
}

/** The day part of an instant in Asia/Shanghai, as `2026年11月24日`. */
const dayOf = (iso: string) => formatMessageTime(iso).split(' ')[0]

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='pv__section'>
      <Text className='pv__section-title'>{title}</Text>
      <View className='pv__card'>{children}</View>
    </View>
  )
}

function Items({ items }: { items: readonly string[] }) {
  return (
    <View className='pv__list'>
      {items.map((item) => (
        <Text key={item} className='pv__item'>
          {item}
        </Text>
      ))}
    </View>
  )
}

/** The bottom of the page: 同意并继续 when the current version is not agreed yet, 已同意 with the date otherwise. */
function Agreement({ privacy, consented, agree, returnTo }: { privacy: PrivacyInfo; consented: boolean; agree: () => Promise<void>; returnTo?: string }) {
  const [checked, setChecked] = useState(false)
  const [needCheck, setNeedCheck] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  if (consented && privacy.consent) {
    return (
      <View className='pv__section'>
        <View className='pv__card policy__consented' data-testid='privacy-consented'>
          <View className='policy__consented-row'>
            <Checked size={24} color='#389e0d' />
            <Text className='policy__consented-text'>{P.consented(dayOf(privacy.consent.at))}</Text>
          </View>
          {returnTo && (
            <Button type='primary' size='xlarge' block onClick={() => replacePage(returnTo)} data-testid='privacy-continue'>
              {P.continue}
            </Button>
          )}
        </View>
      </View>
    )
  }

  const submit = () => {
    if (busy) return
    if (!checked) return setNeedCheck(true)
    setBusy(true)
    setError(undefined)
    agree()
      .then(() => {
        if (returnTo) replacePage(returnTo)
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false))
  }

  return (
    <View className='pv__section'>
      <View className={`pv__card policy__agree${needCheck && !checked ? ' policy__agree--error' : ''}`} data-testid='privacy-agreement'>
        {privacy.consent && (
          <View className='policy__updated' role='alert'>
            <Text className='policy__updated-title'>{P.updatedTitle}</Text>
            <Text>{P.updated}</Text>
          </View>
        )}
        <Checkbox
          className='policy__checkbox'
          checked={checked}
          icon={<CheckNormal size={26} color='#8c8c8c' />}
          activeIcon={<Checked size={26} color='#0958d9' />}
          onChange={(value) => {
            setChecked(value)
            if (value) setNeedCheck(false)
          }}
          data-testid='privacy-check'
        >
          <Text className='policy__check-label'>{P.check}</Text>
        </Checkbox>
        {needCheck && !checked && (
          <View className='pv__error' role='alert' data-testid='privacy-check-error'>
            {P.needCheck}
          </View>
        )}
        {error && (
          <View className='pv__error' role='alert' data-testid='privacy-error'>
            {error}
          </View>
        )}
        <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={submit} data-testid='privacy-agree'>
          {busy ? P.agreeing : P.agree}
        </Button>
      </View>
    </View>
  )
}

function PolicyPage() {
  const returnTo = returnToOf(usePageQuery())
  const consent = useConsent()
  const privacy = consent.privacy

  return (
    <View className='pv policy'>
      <StatusView loading={!privacy && !consent.error} error={consent.error} onRetry={consent.reload}>
        {privacy && (
          <>
            <View className='pv__hero'>
              <Text className='pv__title'>{P.title}</Text>
              <Text className='policy__meta' data-testid='privacy-version'>
                {P.version(privacy.version)}　{P.effective(dateOf(privacy.version))}
              </Text>
              <Text className='pv__intro'>{P.intro}</Text>
            </View>

            <Section title={P.collectTitle}>
              <View className='pv__list'>
                {P.collect.map((c) => (
                  <View key={c.what} className='policy__pair'>
                    <Text className='policy__pair-title'>{c.what}</Text>
                    <Text className='policy__pair-body'>{c.why}</Text>
                  </View>
                ))}
              </View>
              <Text className='policy__note'>{P.collectNote}</Text>
            </Section>

            <Section title={P.sensitiveTitle}>
              <View className='policy__sensitive'>
                <Tips size={22} color='#d46b08' />
                <Text className='pv__text'>{P.sensitive}</Text>
              </View>
            </Section>

            <Section title={P.protectTitle}>
              <Items items={P.protect} />
            </Section>

            <Section title={P.keepTitle}>
              <View data-testid='privacy-retention'>
                <Items items={P.keep(privacy.retention)} />
              </View>
            </Section>

            <Section title={P.shareTitle}>
              <View className='pv__list'>
                {P.share.map((s) => (
                  <View key={s.who} className='policy__pair'>
                    <Text className='policy__pair-title'>{s.who}</Text>
                    <Text className='policy__pair-body'>{s.why}</Text>
                  </View>
                ))}
              </View>
              <Text className='policy__note'>{P.shareNote}</Text>
            </Section>

            <Section title={P.rightsTitle}>
              <View className='pv__list'>
                {P.rights.map((r) => (
                  <View key={r.right} className='policy__pair'>
                    <Text className='policy__pair-title'>{r.right}</Text>
                    <Text className='policy__pair-body'>{r.how}</Text>
                  </View>
                ))}
              </View>
              <Button fill='outline' type='primary' size='large' block onClick={() => openPage(dataUrl())} data-testid='privacy-to-data'>
                {P.toData}
              </Button>
            </Section>

            <View className='pv__section'>
              <Text className='pv__section-title'>{P.contactTitle}</Text>
              <Text className='policy__contact'>{P.contact}</Text>
              <CustomerService hotline={SOCIAL_SECURITY_HOTLINE} />
            </View>

            <Agreement privacy={privacy} consented={consent.consented} agree={consent.agree} returnTo={returnTo} />
          </>
        )}
      </StatusView>
    </View>
  )
}

export default pageRoot(PolicyPage)
