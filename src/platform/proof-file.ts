/**
 * Neutral default for tsc and jest; Taro picks proof-file.weapp.ts or proof-file.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). Picks one proof file (image or PDF) for an application.
 */
export { chooseProofFile, type ProofExt, type ProofFile, type ProofSourceLabels } from './proof-file.h5'
