import type { FunctionDef } from '../cloudfunctions/_shared/handler'
import { photoFunction } from '../cloudfunctions/photo/photo.function'
import { userFunction } from '../cloudfunctions/user/user.function'

/** Every cloud function, by name, as the emulator serves it. A test checks this matches cloudfunctions/. */
export const FUNCTIONS: Readonly<Record<string, FunctionDef>> = {
  photo: photoFunction,
  user: userFunction,
}

/** Indexes for the embedded store; the same fields are declared for CloudBase in cloudbase/indexes.json. */
export const INDEXES: Readonly<Record<string, readonly string[]>> = {
  dev_users: ['openid'],
  photos: ['openid'],
}
