/**
 * Neutral default for tsc and jest; Taro picks camera.weapp.tsx or camera.h5.tsx at build time
 * (https://docs.taro.zone/docs/envs#多端文件). The live front camera with an overlay slot and a shutter handle.
 */
export { CameraView, type CameraHandle, type CameraStatus, type CameraViewProps } from './camera.h5'
