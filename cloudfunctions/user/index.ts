import { createMain } from '../_shared/wx/main'
import { userFunction } from './user.function'

/**
 * Who can call this? Any mini-program user, as themselves: identity is getWXContext().OPENID, never the event;
 * a call without an OPENID (timer, HTTP access, WeChat Pay) gets UNAUTHENTICATED. Each user reads and changes only their own profile and data.
 */
export const main = createMain(userFunction)
