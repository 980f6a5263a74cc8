/**
 * Neutral default for tsc and jest; Taro picks keyboard.weapp.ts or keyboard.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). Single-key shortcuts on a desktop browser.
 */
export { hasKeyboard, onShortcut } from './keyboard.h5'
