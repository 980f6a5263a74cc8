import { Camera, View } from '@tarojs/components'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { takePhoto } from './media.weapp'
import type { CameraHandle, CameraViewProps } from './camera.types'

export type { CameraHandle, CameraStatus, CameraViewProps } from './camera.types'

/**
 * weapp build: the <camera> component with the front camera (https://developers.weixin.qq.com/miniprogram/dev/component/camera.html).
 * Its `error` event fires when the user refuses the camera. Views over it are drawn with same-layer rendering.
 */
export const CameraView = forwardRef<CameraHandle, CameraViewProps>(function CameraView({ className, onStatus, children }, ref) {
  const onStatusRef = useRef(onStatus)
  onStatusRef.current = onStatus

  useEffect(() => onStatusRef.current('starting'), [])
  useImperativeHandle(ref, () => ({ takePhoto }))

  return (
    <View className={className} style={{ position: 'relative', overflow: 'hidden', background: '#1f1f1f' }}>
      <Camera
        devicePosition='front'
        flash='off'
        resolution='high'
        style={{ position: 'absolute', left: 0, top: 0, width: '100%', height: '100%' }}
        onInitDone={() => onStatusRef.current('ready')}
        onError={() => onStatusRef.current('denied')}
      />
      {children}
    </View>
  )
})
