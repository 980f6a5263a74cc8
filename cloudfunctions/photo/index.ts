import { createMain } from '../_shared/wx/main'
import { photoFunction } from './photo.function'

/**
 * Who can call this? Any mini-program user (OPENID from getWXContext; none → UNAUTHENTICATED), on files under
 * their own upload folder and their own photos only.
 */
export const main = createMain(photoFunction)
