/**
 * Neutral default for tsc and jest; Taro picks save-image.weapp.ts or save-image.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). Saves a picture (the receipt slip) where the user can find it again.
 */
export { SaveImageError, canOpenAlbumSettings, openAlbumSettings, saveImage, type SaveFailure, type SaveOutcome } from './save-image.h5'
