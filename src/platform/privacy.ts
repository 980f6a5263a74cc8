/**
 * Neutral default for tsc and jest; Taro picks privacy.weapp.ts or privacy.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). The WeChat privacy authorisation flow; a no-op on H5.
 */
export { PRIVACY_AGREE_BUTTON_ID, answerPrivacy, openPrivacyContract, reportPrivacyShown, requirePrivacy, watchPrivacy } from './privacy.h5'
