import type { ProfileView } from '@/domain/family/family.schema'
import { createFunctionClient } from '@/platform/function-client'
import { PROFILE_COPY } from './copy'

/**
 * 常用办理人 as the case pages read them (`user.profiles`: names in full, ID numbers and phones masked). A page sends
 * the chosen profile's id; the function fills the person on the server.
 */
const call = createFunctionClient('user', PROFILE_COPY.serviceMissing)

export function listProfiles(): Promise<ProfileView[]> {
  return call<ProfileView[]>('profiles', {}, 2)
}

/**
 * The family page's address. Shared components never import a feature, so it is spelled here (as the consent gate
 * spells the policy page's).
 */
export const FAMILY_PAGE = '/features/family/pages/index/index'

/**
 * The person the user is acting for in this app session, chosen on the family page (为TA办理) or in a picker: the
 * photo pages show the infant or child guidance for them and the applicant page preselects them. Memory only.
 */
let actingFor: ProfileView | undefined

export function actFor(profile: ProfileView | undefined): void {
  actingFor = profile
}

export function currentlyActingFor(): ProfileView | undefined {
  return actingFor
}
