/** The local emulator's stand-in for a WeChat login. */
export interface DevSession {
  name: string
  role: 'user' | 'operator'
}
