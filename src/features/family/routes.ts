import { FAMILY_PAGE } from '@/components/profile-picker'

/** The 常用办理人 pages' addresses; the list's is shared with the picker, which opens it. */
const ROOT = '/features/family/pages'

export const listUrl = (): string => FAMILY_PAGE
export const addUrl = (): string => `${ROOT}/add/index`

export { idPhotoUrl, cardLossHomeUrl } from '@/routes'
