/**
 * Neutral default for tsc and jest; Taro picks pay.weapp.ts or pay.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). Pays for an order with the parameters the order function returned.
 */
export { PayError, pay, type PayFailure, type PayOutcome } from './pay.h5'
