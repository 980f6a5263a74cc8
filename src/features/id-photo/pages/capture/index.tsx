import { View, Text } from '@tarojs/components'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { ImageRectangle, Photograph, Setting } from '@nutui/icons-react-taro'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { photoSpecById } from '@/domain/photo/catalogue'
import { PrivacyPopup } from '@/components/privacy-popup'
import { CameraView, type CameraHandle, type CameraStatus } from '@/platform/camera'
import { canOpenSettings, chooseFromAlbum, chooseFromCamera, openPermissionSettings } from '@/platform/media'
import { requirePrivacy } from '@/platform/privacy'
import { showToast } from '@/platform/device'
import { replacePage, usePageQuery } from '@/platform/navigation'
import { COPY, mediaFailureMessage } from '../../copy'
import { GuideOverlay } from '../../components/guide-overlay'
import { SubjectGuide } from '../../components/subject-guide'
import { currentlyActingFor } from '@/components/profile-picker'
import type { PhotoSubject } from '@/domain/photo/child-guidance'
import { ShootingRules } from '../../components/shooting-rules'
import { setPendingPhoto, type PendingPhoto } from '../../pending-photo'
import { choiceUrl, previewUrl } from '../../routes'
import './index.scss'
import { pageRoot } from '@/components/page-root'

type Privacy = 'asking' | 'agreed' | 'refused'

function Problem({ title, body, rules = true, children }: { title: string; body: string; rules?: boolean; children: ReactNode }) {
  return (
    <View className='capture__problem' role='alert' data-testid='camera-problem'>
      <Text className='capture__problem-title'>{title}</Text>
      <Text className='capture__problem-body'>{body}</Text>
      <View className='capture__problem-actions'>{children}</View>
      {rules && <ShootingRules compact />}
    </View>
  )
}

function CapturePage() {
  const { specId = '' } = usePageQuery()
  const spec = photoSpecById(specId)
  const camera = useRef<CameraHandle>(null)
  const [privacy, setPrivacy] = useState<Privacy>('asking')
  const [status, setStatus] = useState<CameraStatus>('starting')
  const [taking, setTaking] = useState(false)
  const [attempt, setAttempt] = useState(0)
  /** 拍谁: a baby or a child started from the family page gets their guidance at once; anyone may switch. */
  const [actingFor] = useState(currentlyActingFor)
  const [subject, setSubject] = useState<PhotoSubject>(actingFor?.ageBand ?? 'adult')

  const askPrivacy = () => {
    setPrivacy('asking')
    void requirePrivacy().then((agreed) => setPrivacy(agreed ? 'agreed' : 'refused'))
  }
  useEffect(askPrivacy, [])

  if (!spec) {
    return (
      <View className='capture'>
        <Problem title={COPY.capture.unavailableTitle} body={COPY.preview.unknownSpec} rules={false}>
          <Button type='primary' size='large' block onClick={() => replacePage(choiceUrl())}>
            {COPY.preview.backToChoice}
          </Button>
        </Problem>
      </View>
    )
  }

  const goPreview = (photo: PendingPhoto) => {
    setPendingPhoto(photo)
    replacePage(previewUrl(spec.id))
  }
  const failed = (error: unknown) => {
    const message = mediaFailureMessage(error)
    if (message) void showToast(message)
  }
  const shoot = () => {
    if (!camera.current || taking) return
    setTaking(true)
    camera.current
      .takePhoto()
      .then((path) => goPreview({ path, source: 'camera' }))
      .catch(failed)
      .finally(() => setTaking(false))
  }
  const album = () => {
    chooseFromAlbum()
      .then((path) => goPreview({ path, source: 'album' }))
      .catch(failed)
  }
  const systemCamera = () => {
    chooseFromCamera()
      .then((path) => goPreview({ path, source: 'camera' }))
      .catch(failed)
  }

  const reopenAfterSettings = () => {
    void openPermissionSettings().then(() => {
      setStatus('starting')
      setAttempt((n) => n + 1)
    })
  }

  const albumButton = (
    <Button size='large' block icon={<ImageRectangle size={22} />} onClick={album} data-testid='capture-album'>
      {COPY.capture.album}
    </Button>
  )

  let problem: ReactNode = null
  if (privacy === 'refused') {
    problem = (
      <Problem title={COPY.capture.privacyTitle} body={COPY.capture.privacy}>
        <Button type='primary' size='large' block onClick={askPrivacy}>
          {COPY.capture.retryPrivacy}
        </Button>
        {albumButton}
      </Problem>
    )
  } else if (status === 'denied') {
    problem = (
      <Problem title={COPY.capture.deniedTitle} body={canOpenSettings ? COPY.capture.deniedWithSettings : COPY.capture.deniedInBrowser}>
        {canOpenSettings ? (
          <Button type='primary' size='large' block icon={<Setting size={22} />} onClick={reopenAfterSettings}>
            {COPY.capture.openSettings}
          </Button>
        ) : (
          <Button type='primary' size='large' block icon={<Photograph size={22} />} onClick={systemCamera} data-testid='system-camera'>
            {COPY.capture.systemCamera}
          </Button>
        )}
        {albumButton}
      </Problem>
    )
  } else if (status === 'unavailable') {
    problem = (
      <Problem title={COPY.capture.unavailableTitle} body={COPY.capture.unavailable}>
        <Button type='primary' size='large' block icon={<Photograph size={22} />} onClick={systemCamera} data-testid='system-camera'>
          {COPY.capture.systemCamera}
        </Button>
        {albumButton}
      </Problem>
    )
  }

  return (
    <View className='capture'>
      <PrivacyPopup />
      <View className='capture__subject'>
        <SubjectGuide subject={subject} onChange={setSubject} forName={actingFor?.name} />
      </View>
      {problem ?? (
        <>
          <View className='capture__stage'>
            {privacy === 'agreed' && (
              <CameraView key={attempt} ref={camera} className='capture__camera' onStatus={setStatus}>
                <GuideOverlay spec={spec} subject={subject} />
              </CameraView>
            )}
            {(privacy === 'asking' || status === 'starting') && (
              <View className='capture__opening'>
                <Loading type='circular'>{COPY.capture.opening}</Loading>
              </View>
            )}
            <Text className='capture__spec'>{spec.title}</Text>
          </View>
          <Text className='capture__guide'>{COPY.capture.guide}</Text>
          <View className='capture__rules'>
            <ShootingRules compact title={false} />
          </View>
          <View className='capture__actions'>
            <Button
              type='primary'
              size='xlarge'
              block
              loading={taking}
              disabled={status !== 'ready'}
              icon={<Photograph size={26} />}
              onClick={shoot}
              data-testid='shutter'
            >
              {taking ? COPY.capture.taking : COPY.capture.shutter}
            </Button>
            {albumButton}
          </View>
        </>
      )}
    </View>
  )
}

export default pageRoot(CapturePage)
