import type { AddProfileInput, ProfileCase, ProfileView } from '@/domain/family/family.schema'
import { createFunctionClient } from '@/platform/function-client'
import { COPY } from './copy'

/** The user function's 常用办理人 actions as these pages use them. Only reads retry. */
const call = createFunctionClient('user', COPY.common.serviceMissing)

export { listProfiles } from '@/components/profile-picker'

/** What the add form sends: the values as typed (the function normalises and checks them again, `agreed` included). */
export type NewProfile = Omit<AddProfileInput, 'requestId' | 'consent'> & { consent: { by: AddProfileInput['consent']['by']; version: string; agreed: boolean } }

export function addProfile(profile: NewProfile): Promise<ProfileView> {
  return call<ProfileView>('addProfile', profile)
}

export function removeProfile(profileId: string): Promise<{ removed: true }> {
  return call<{ removed: true }>('removeProfile', { profileId })
}

export function profileCases(profileId: string): Promise<ProfileCase[]> {
  return call<ProfileCase[]>('profileCases', { profileId }, 2)
}
