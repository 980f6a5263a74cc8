/** Neutral default for tsc and jest; Taro picks device.weapp.ts or device.h5.ts at build time. */
export { currentDevUser, devSwitcherUrl, dial, openDevSwitcher, showToast, supportsContactButton } from './device.h5'
export type { DevSession } from './device.types'
