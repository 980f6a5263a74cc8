/**
 * Neutral default for tsc and jest; Taro picks open-document.weapp.ts or open-document.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). Opens a proof someone sent: pictures full screen, PDFs in a viewer.
 */
export { openDocument, previewImages } from './open-document.h5'
