import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Add, Del, Photograph, User } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { MAX_PROFILES, type ProfileView } from '@/domain/family/family.schema'
import { formatInstant } from '@/domain/time'
import { actFor } from '@/components/profile-picker'
import { EmptyState, RemoteView } from '@/components/status-view'
import { pageRoot } from '@/components/page-root'
import { useAction } from '@/hooks/use-action'
import { useRemote } from '@/hooks/use-remote'
import { showToast } from '@/platform/device'
import { openPage } from '@/platform/navigation'
import { COPY } from '../../copy'
import { listProfiles, profileCases, removeProfile } from '../../api'
import { addUrl, idPhotoUrl } from '../../routes'
import './index.scss'

const L = COPY.list

/** The cases made for one profile, listed under the person (receipts, cancellations, card-loss reports). */
function Cases({ profileId }: { profileId: string }) {
  const cases = useRemote(() => profileCases(profileId), [profileId], { reloadOnShow: true })
  return (
    <View className='family__cases' data-testid='profile-cases'>
      <Text className='family__cases-title'>{L.cases}</Text>
      {cases.data?.length === 0 && <Text className='family__muted'>{L.noCases}</Text>}
      {cases.data?.map((c) => (
        <View key={c.id} className='family__case' data-testid='profile-case' data-case={c.id}>
          <Text className='family__case-title'>{c.title}</Text>
          <Text className='family__case-status'>{c.statusLabel}</Text>
        </View>
      ))}
    </View>
  )
}

function ProfileCard({ profile, onRemoved }: { profile: ProfileView; onRemoved: () => void }) {
  const [confirming, setConfirming] = useState(false)
  const removing = useAction(async () => {
    await removeProfile(profile.profileId)
    void showToast(L.removed)
    onRemoved()
  })
  const band = profile.ageBand === 'infant' ? L.infant : profile.ageBand === 'child' ? L.child : undefined
  const orderPhoto = () => {
    actFor(profile)
    openPage(idPhotoUrl({ documentType: 'social-security-card' }))
  }
  return (
    <View className='family__card' data-testid='profile-card' data-profile={profile.profileId}>
      <View className='family__card-head'>
        <User size={28} color='#1677ff' />
        <Text className='family__name'>{profile.name}</Text>
        <Text className='family__tag'>{profile.relationLabel}</Text>
        {band && <Text className='family__tag family__tag--age'>{band}</Text>}
      </View>
      <Text className='family__line'>{`${L.idNumber} ${profile.idNumberMasked}`}</Text>
      <Text className='family__line'>{`${L.phone} ${profile.phoneMasked}`}</Text>
      <Text className='family__muted' data-testid='profile-consent'>
        {L.consent(profile.consent.byLabel, profile.consent.version, formatInstant(profile.consent.at))}
      </Text>
      <Cases profileId={profile.profileId} />
      <View className='family__actions'>
        <Button type='primary' size='large' block icon={<Photograph size={22} />} onClick={orderPhoto} data-testid='profile-order-photo'>
          {L.orderPhoto}
        </Button>
        {confirming ? (
          <>
            <Text className='family__muted'>{L.removeNote}</Text>
            <Button type='danger' size='large' block loading={removing.busy} onClick={() => void removing.run()} data-testid='profile-remove-confirm'>
              {L.confirmRemove}
            </Button>
          </>
        ) : (
          <Button size='large' block icon={<Del size={22} />} onClick={() => setConfirming(true)} data-testid='profile-remove'>
            {L.remove}
          </Button>
        )}
        {removing.error && (
          <View className='family__error' role='alert'>
            {removing.error}
          </View>
        )}
      </View>
    </View>
  )
}

/** 常用办理人: the people the user acts for, what was done for each, and 为TA拍照办理. */
function FamilyPage() {
  const remote = useRemote(listProfiles, [], { reloadOnShow: true })
  const profiles = remote.data ?? []
  return (
    <View className='family'>
      <View className='family__intro'>
        <Text className='family__title'>{L.title}</Text>
        <Text className='family__muted'>{L.intro}</Text>
      </View>
      <RemoteView remote={remote}>
        {profiles.length === 0 && <EmptyState image={<User size={72} color='#bfbfbf' />} title={L.empty} description={L.emptyHint} testId='family-empty' />}
        {profiles.map((p) => (
          <ProfileCard key={p.profileId} profile={p} onRemoved={remote.reload} />
        ))}
        <View className='family__add'>
          {profiles.length >= MAX_PROFILES ? (
            <Text className='family__muted'>{L.full}</Text>
          ) : (
            <Button type='primary' fill='outline' size='xlarge' block icon={<Add size={24} />} onClick={() => openPage(addUrl())} data-testid='profile-add'>
              {L.add}
            </Button>
          )}
        </View>
      </RemoteView>
    </View>
  )
}

export default pageRoot(FamilyPage)
