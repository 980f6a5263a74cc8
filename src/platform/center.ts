/**
 * Neutral default for tsc and jest; Taro picks center.weapp.ts or center.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). The local simulated detection center's review desk.
 */
export { centerAvailable, centerDecide, centerQueue, type CenterDecision, type CenterTicket } from './center.h5'
