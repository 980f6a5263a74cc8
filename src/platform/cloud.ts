/**
 * Neutral default for tsc and jest. Taro picks cloud.weapp.ts or cloud.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件), so pages import '@/platform/cloud' and never know which.
 */
export { callFunction, initPlatform, uploadFile } from './cloud.h5'
