/** Neutral default for tsc and jest; Taro picks script-links.weapp.ts or script-links.h5.ts at build time. */
export { disarmScriptLinks } from './script-links.h5'
