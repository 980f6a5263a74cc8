import { forwardRef, useEffect, useImperativeHandle, useRef, type CSSProperties } from 'react'
import { captureFrame } from './media.h5'
import type { CameraHandle, CameraStatus, CameraViewProps } from './camera.types'

export type { CameraHandle, CameraStatus, CameraViewProps } from './camera.types'

const BOX: CSSProperties = { position: 'relative', overflow: 'hidden', background: '#1f1f1f' }
/** The preview is mirrored, as people expect of a front camera; captureFrame draws it unmirrored. */
const VIDEO: CSSProperties = { position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'cover', transform: 'scaleX(-1)' }

function statusOf(error: unknown): CameraStatus {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable'
}

/**
 * H5 build: the front camera through getUserMedia (https://developer.mozilla.org/docs/Web/API/MediaDevices/getUserMedia)
 * into a <video>. Without getUserMedia (old browsers, pages not served over https) it reports `unavailable`,
 * and the page offers the file input with `capture="user"` instead.
 */
export const CameraView = forwardRef<CameraHandle, CameraViewProps>(function CameraView({ className, onStatus, children }, ref) {
  const videoRef = useRef<HTMLVideoElement>(null)
  const onStatusRef = useRef(onStatus)
  onStatusRef.current = onStatus

  useEffect(() => {
    let live = true
    let stream: MediaStream | undefined
    const report = (status: CameraStatus) => live && onStatusRef.current(status)
    report('starting')
    if (!navigator.mediaDevices?.getUserMedia) {
      report('unavailable')
      return
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user', width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (s) => {
        stream = s
        const video = videoRef.current
        if (!live || !video) return
        video.srcObject = s
        await video.play()
        report('ready')
      })
      .catch((error: unknown) => report(statusOf(error)))
    return () => {
      live = false
      stream?.getTracks().forEach((t) => t.stop())
    }
  }, [])

  useImperativeHandle(ref, () => ({
    takePhoto: async () => {
      if (!videoRef.current) throw new Error('camera is not open')
      return captureFrame(videoRef.current)
    },
  }))

  return (
    <div className={className} style={BOX}>
      <video ref={videoRef} style={VIDEO} autoPlay muted playsInline data-testid='camera-video' />
      {children}
    </div>
  )
})
