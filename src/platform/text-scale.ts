/** Neutral default for tsc and jest; Taro picks text-scale.weapp.ts or text-scale.h5.ts at build time. */
export { applyDocumentScale } from './text-scale.h5'
