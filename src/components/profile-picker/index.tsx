import { View, Text } from '@tarojs/components'
import type { ProfileView } from '@/domain/family/family.schema'
import { useRemote } from '@/hooks/use-remote'
import { openPage } from '@/platform/navigation'
import { PROFILE_COPY } from './copy'
import { FAMILY_PAGE, listProfiles } from './profiles'
import './index.scss'

export { actFor, currentlyActingFor, listProfiles, FAMILY_PAGE } from './profiles'

interface Props {
  /** The chosen profile's id, or undefined while the user types the person in. */
  value: string | undefined
  onChange: (profile: ProfileView | undefined) => void
  /** Profiles this case may not use (e.g. an adult-only service), left out of the choice. */
  allow?: (profile: ProfileView) => boolean
}

/**
 * 为谁办理: a row of the user's 常用办理人 and 填写新的. Choosing one fills the case's person on the server (the page
 * sends the profile id); the card below says whose details will be used, with the numbers masked.
 */
export function ProfilePicker({ value, onChange, allow = () => true }: Props) {
  const remote = useRemote(listProfiles, [], { reloadOnShow: true })
  const profiles = (remote.data ?? []).filter(allow)
  const chosen = profiles.find((p) => p.profileId === value)
  if (!remote.data && !remote.error) return <Text className='profile-picker__note'>{PROFILE_COPY.loading}</Text>
  return (
    <View className='profile-picker' data-testid='profile-picker'>
      <View className='profile-picker__head'>
        <Text className='profile-picker__title'>{PROFILE_COPY.title}</Text>
        <Text className='profile-picker__manage' onClick={() => openPage(FAMILY_PAGE)} data-testid='profile-manage'>
          {PROFILE_COPY.manage}
        </Text>
      </View>
      {remote.error && <Text className='profile-picker__note'>{PROFILE_COPY.failed}</Text>}
      <View className='profile-picker__chips'>
        <View className={`profile-picker__chip${!chosen ? ' profile-picker__chip--on' : ''}`} onClick={() => onChange(undefined)} data-testid='profile-none'>
          {PROFILE_COPY.typeIn}
        </View>
        {profiles.map((p) => (
          <View
            key={p.profileId}
            className={`profile-picker__chip${chosen?.profileId === p.profileId ? ' profile-picker__chip--on' : ''}`}
            onClick={() => onChange(p)}
            data-testid='profile-chip'
            data-profile={p.profileId}
          >
            {PROFILE_COPY.chosen(p.name, p.relationLabel)}
          </View>
        ))}
      </View>
      {chosen && (
        <View className='profile-picker__card' data-testid='profile-chosen'>
          <Text className='profile-picker__name'>{PROFILE_COPY.chosen(chosen.name, chosen.relationLabel)}</Text>
          <Text className='profile-picker__line'>{`${PROFILE_COPY.idNumber} ${chosen.idNumberMasked}`}</Text>
          <Text className='profile-picker__line'>{`${PROFILE_COPY.phone} ${chosen.phoneMasked}`}</Text>
          <Text className='profile-picker__note'>{PROFILE_COPY.filledOnServer}</Text>
        </View>
      )}
    </View>
  )
}
