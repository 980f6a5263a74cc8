import { View, Text, Image } from '@tarojs/components'
import { Button, Checkbox, Empty, Loading, Step, Steps } from '@nutui/nutui-react-taro'
import { Download, ImageError, ImageRectangle, NetworkError, Order, Photograph } from '@nutui/icons-react-taro'
import { useState } from 'react'
import type { NormalizeResult } from '@/domain/photo/photo.schema'
import type { SpecShape } from '@/domain/photo/spec.types'
import { photoSpecById } from '@/domain/photo/catalogue'
import { specById } from '@/domain/photo/specs'
import { officePhotoWays, receiptOffered } from '@/domain/order/receipt-coverage'
import { cityByCode } from '@/domain/region'
import { chooseFromAlbum } from '@/platform/media'
import { showToast } from '@/platform/device'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { COPY, mediaFailureMessage } from '../../copy'
import { CheckSummary } from '../../components/check-list'
import { pendingPhoto, setPendingPhoto, type PendingPhoto } from '../../pending-photo'
import { captureUrl, choiceUrl, printUrl, receiptUrl, resubmitUrl } from '../../routes'
import { chosenCity, resubmitTarget } from '../../hand-off'
import { usePhotoCheck, type CheckPhase } from '../../use-photo-check'
import { PrivacyPopup } from '@/components/privacy-popup'
import { photoFile } from '../../api'
import { SaveStatus } from '../../components/save-status'
import { useSavePhoto } from '../../use-save-photo'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const STEP_OF: Record<CheckPhase, number> = { preparing: 1, uploading: 2, checking: 3, done: 4, failed: 0 }

function Progress({ phase, photo }: { phase: CheckPhase; photo: PendingPhoto }) {
  return (
    <View className='preview__progress' aria-busy='true' data-testid='check-progress'>
      <Image className='preview__thumb' src={photo.path} mode='aspectFill' />
      <Loading type='circular' className='preview__loading'>
        <Text className='preview__checking'>{COPY.preview.checking}</Text>
      </Loading>
      <Text className='preview__wait'>{COPY.preview.wait}</Text>
      <Steps value={STEP_OF[phase]} direction='vertical' className='preview__steps'>
        {COPY.preview.steps.map((s, i) => (
          <Step key={s.title} value={i + 1} title={s.title} description={s.description} />
        ))}
      </Steps>
    </View>
  )
}

function Verdict({ result, receipt }: { result: NormalizeResult; receipt: boolean }) {
  const kind = result.blocked ? 'blocked' : result.warnings > 0 ? 'warning' : 'passed'
  const text = result.blocked ? COPY.preview.blockedNotice : result.warnings > 0 ? COPY.preview.warningNotice(result.warnings) : receipt ? COPY.preview.passedNotice : COPY.preview.passedNoReceipt
  return (
    <View className={`preview__verdict preview__verdict--${kind}`} role={kind === 'passed' ? undefined : 'alert'} data-testid='verdict' data-verdict={kind}>
      <Text>{text}</Text>
    </View>
  )
}

function PhotoCard({ spec, result }: { spec: SpecShape; result: NormalizeResult }) {
  const photo = result.photo
  const { width, height } = spec.printMm
  return (
    <View className='preview__card'>
      <View className='preview__print'>
        <View className='preview__paper' style={{ paddingTop: `${((height / width) * 100).toFixed(2)}%` }}>
          {photo ? (
            <Image className='preview__photo' src={photo.url} mode='scaleToFill' data-testid='normalized-photo' />
          ) : (
            <View className='preview__no-photo'>
              <Text>{COPY.preview.noPhoto}</Text>
            </View>
          )}
        </View>
        <Text className='preview__print-note'>{COPY.preview.printSize(width, height)}</Text>
      </View>
      <View className='preview__facts'>
        <Text className='preview__spec-title'>{spec.title}</Text>
        {photo && (
          <>
            <Text className='preview__fact-label'>{COPY.preview.facts.pixels}</Text>
            <Text className='preview__fact' data-testid='photo-pixels'>
              {COPY.spec.pixelsValue(photo.width, photo.height)}
            </Text>
            <Text className='preview__fact-label'>{COPY.preview.facts.dpi}</Text>
            <Text className='preview__fact' data-testid='photo-dpi'>
              {COPY.spec.dpiValue(photo.dpi)}
            </Text>
            <Text className='preview__fact-label'>{COPY.preview.facts.size}</Text>
            <Text className='preview__fact' data-testid='photo-kb'>
              {COPY.preview.kb(photo.bytes)}
            </Text>
          </>
        )}
      </View>
    </View>
  )
}

/** The electronic photo to save and the way to a print sheet, once the photo may be used. */
function Products({ spec, result, enabled }: { spec: SpecShape; result: NormalizeResult; enabled: boolean }) {
  const saver = useSavePhoto(async () => {
    const file = await photoFile(result.photoId)
    return { url: file.url, fileName: `${spec.title}-${file.width}x${file.height}.jpg` }
  })
  const photo = result.photo
  if (!photo) return null
  return (
    <View className='preview__products' data-testid='products'>
      <Text className='preview__products-title'>{COPY.preview.productsTitle}</Text>
      <Text className='preview__products-intro'>{COPY.preview.productsIntro(photo.width, photo.height, photo.dpi)}</Text>
      <SaveStatus state={saver} testId='save-electronic' />
      <Button size='large' block icon={<Download size={20} />} disabled={!enabled || saver.saving} loading={saver.saving} onClick={saver.save} data-testid='save-electronic'>
        {saver.saving ? COPY.save.saving : COPY.preview.saveElectronic}
      </Button>
      <Button size='large' block icon={<Order size={20} />} disabled={!enabled} onClick={() => openPage(printUrl(result.photoId, spec.id))} data-testid='open-print'>
        {COPY.preview.printSheet}
      </Button>
    </View>
  )
}

/** Where the chosen city takes no receipt of this type: say so, and how its office takes photos, before any order. */
function NoReceiptHere({ spec, cityCode }: { spec: SpecShape; cityCode?: string }) {
  const documentType = specById(spec.id)?.documentType
  const ways = documentType ? officePhotoWays(documentType, cityCode) : []
  return (
    <View className='preview__no-receipt' data-testid='no-receipt-here'>
      <Text className='preview__no-receipt-text'>{documentType ? COPY.index.noReceiptHere(cityByCode(cityCode ?? '')?.name ?? '') : COPY.index.noReceiptForSpec}</Text>
      {ways.map((w) => (
        <Text key={w} className='preview__no-receipt-text'>
          {w}
        </Text>
      ))}
    </View>
  )
}

function AcceptWarnings({ warnings, accepted, onAccept }: { warnings: number; accepted: boolean; onAccept: (v: boolean) => void }) {
  if (warnings === 0) return null
  return <Checkbox className='preview__accept' checked={accepted} onChange={onAccept} data-testid='accept-warnings' label={COPY.preview.accept} />
}

/** Sticks to the bottom of the screen until the page scrolls to it: 继续 is never a scroll away. */
function ContinueBar(p: { warnings: number; accepted: boolean; onAccept: (v: boolean) => void; enabled: boolean; onContinue: () => void }) {
  return (
    <View className='preview__sticky' data-testid='continue-bar'>
      <AcceptWarnings warnings={p.warnings} accepted={p.accepted} onAccept={p.onAccept} />
      <Button type='primary' size='xlarge' block disabled={!p.enabled} onClick={p.onContinue} data-testid='continue'>
        {COPY.preview.continue}
      </Button>
    </View>
  )
}

function PreviewPage() {
  const { specId = '' } = usePageQuery()
  const spec = photoSpecById(specId)
  const [photo, setPhoto] = useState<PendingPhoto | undefined>(pendingPhoto)
  const check = usePhotoCheck(specId, spec ? photo : undefined)
  const [accepted, setAccepted] = useState(false)

  const retake = () => replacePage(captureUrl(specId))
  const reselect = () => {
    chooseFromAlbum()
      .then((path) => {
        const next: PendingPhoto = { path, source: 'album' }
        setPendingPhoto(next)
        setAccepted(false)
        setPhoto(next)
      })
      .catch((error: unknown) => {
        const message = mediaFailureMessage(error)
        if (message) void showToast(message)
      })
  }
  const again = (
    <View className='preview__again'>
      <Button type='primary' size='large' block icon={<Photograph size={22} />} onClick={retake} data-testid='retake'>
        {COPY.preview.retake}
      </Button>
      <Button size='large' block icon={<ImageRectangle size={22} />} onClick={reselect} data-testid='reselect'>
        {COPY.preview.reselect}
      </Button>
    </View>
  )

  if (!spec) {
    return (
      <View className='preview'>
        <Empty className='preview__empty' image={<ImageError size={72} color='#bfbfbf' />} title={COPY.preview.failedTitle} description={COPY.preview.unknownSpec} />
        <View className='preview__again'>
          <Button type='primary' size='large' block onClick={() => replacePage(choiceUrl())}>
            {COPY.preview.backToChoice}
          </Button>
        </View>
      </View>
    )
  }
  if (!photo) {
    return (
      <View className='preview'>
        <Empty className='preview__empty' image={<ImageError size={72} color='#bfbfbf' />} title={COPY.preview.title} description={COPY.preview.missingPhoto} />
        {again}
      </View>
    )
  }
  if (check.phase === 'failed') {
    return (
      <View className='preview' role='alert' data-testid='check-failed'>
        <Empty
          className='preview__empty'
          image={<NetworkError size={72} color='#bfbfbf' />}
          title={COPY.preview.failedTitle}
          description={<Text data-testid='check-error'>{check.error}</Text>}
        />
        <View className='preview__again'>
          <Button type='primary' size='large' block onClick={check.retry} data-testid='retry'>
            {COPY.preview.retry}
          </Button>
          <Button size='large' block onClick={retake}>
            {COPY.preview.retake}
          </Button>
          <Button size='large' block onClick={reselect}>
            {COPY.preview.reselect}
          </Button>
        </View>
      </View>
    )
  }
  if (check.phase !== 'done' || !check.result) return <Progress phase={check.phase} photo={photo} />

  const result = check.result
  const mayContinue = !result.blocked && (result.warnings === 0 || accepted)
  const cityCode = chosenCity()
  const documentType = specById(spec.id)?.documentType
  const receiptHere = !!resubmitTarget() || (!!documentType && (!cityCode || receiptOffered(documentType, cityCode)))
  const onContinue = () => {
    const orderId = resubmitTarget()
    openPage(orderId ? resubmitUrl(orderId, result.photoId) : receiptUrl(spec.id, result.photoId, chosenCity(), result.photo?.url))
  }
  return (
    <View className='preview' data-testid='check-result'>
      <Verdict result={result} receipt={receiptHere} />
      <PhotoCard spec={spec} result={result} />
      <View className='preview__checks'>
        <CheckSummary checks={result.checks} />
      </View>
      <PrivacyPopup />
      {result.blocked ? (
        again
      ) : (
        <>
          {receiptHere && <ContinueBar warnings={result.warnings} accepted={accepted} onAccept={setAccepted} enabled={mayContinue} onContinue={onContinue} />}
          <View className='preview__next'>
            {!receiptHere && (
              <>
                <AcceptWarnings warnings={result.warnings} accepted={accepted} onAccept={setAccepted} />
                <NoReceiptHere spec={spec} cityCode={cityCode} />
              </>
            )}
            <Products spec={spec} result={result} enabled={mayContinue} />
            <View className='preview__again preview__again--row'>
              <Button size='large' fill='outline' onClick={retake}>
                {COPY.preview.retake}
              </Button>
              <Button size='large' fill='outline' onClick={reselect}>
                {COPY.preview.reselect}
              </Button>
            </View>
          </View>
        </>
      )}
    </View>
  )
}

export default pageRoot(PreviewPage)
