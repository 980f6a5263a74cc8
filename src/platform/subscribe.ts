/**
 * Neutral default for tsc and jest; Taro picks subscribe.weapp.ts or subscribe.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). Consent to one-time service notifications (订阅消息).
 */
export { askSubscribe } from './subscribe.h5'
