import * as v from 'valibot'

/** A nickname is what we call the user on screen: 1–20 characters, no control characters. */
export const Nickname = v.pipe(
  v.string('昵称需要是文字'),
  v.trim(),
  v.minLength(1, '请填写昵称'),
  v.maxLength(20, '昵称最多 20 个字'),
  v.regex(/^[^\u0000-\u001f\u007f<>]+$/u, '昵称不能包含特殊符号'),
)

/** `user.get` takes no input. */
export const GetProfileInput = v.optional(v.object({}), {})

/** `user.updateProfile`: the fields a user may change about themselves. */
export const UpdateProfileInput = v.object({
  nickname: Nickname,
  largeText: v.optional(v.boolean('字号设置不正确')),
})

export type UpdateProfileInput = v.InferOutput<typeof UpdateProfileInput>

/** The profile a user sees. The openid never leaves the server in full. */
export interface Profile {
  /** Short, non-identifying handle shown on screen: the last 6 characters of the openid, upper-cased. */
  accountTag: string
  nickname: string
  largeText: boolean
  /** ISO-8601 UTC instant. */
  createdAt: string
  isOperator: boolean
}

/** The name used until the user sets one. */
export const DEFAULT_NICKNAME = '微信用户'

export function accountTagOf(openid: string): string {
  return openid.slice(-6).toUpperCase()
}
