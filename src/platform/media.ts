/**
 * Neutral default for tsc and jest; Taro picks media.weapp.ts or media.h5.ts at build time
 * (https://docs.taro.zone/docs/envs#多端文件). Pages choose, prepare and upload photos through this port;
 * the live camera itself is the CameraView component in camera.tsx.
 */
export {
  MediaError,
  canOpenSettings,
  chooseFromAlbum,
  chooseFromCamera,
  openPermissionSettings,
  preparePhoto,
  type MediaFailure,
  type PreparedPhoto,
} from './media.h5'
