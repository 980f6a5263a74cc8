/**
 * Neutral default for tsc and jest; Taro picks save-json.weapp.ts or save-json.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). Saves a JSON document (the user's data export) as a file.
 */
export { canShareFile, saveJson, shareFile, type SavedJson } from './save-json.h5'
