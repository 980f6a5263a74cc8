import { View, Text } from '@tarojs/components'
import { Button, Dialog, Loading, Progress } from '@nutui/nutui-react-taro'
import { Edit, Tips, Upload } from '@nutui/icons-react-taro'
import { useEffect, useRef, useState, type MutableRefObject } from 'react'
import type { ApplicationView, MaterialView } from '@/domain/cancellation/cancellation.view'
import { MATERIAL_LIMITS, type MaterialKind } from '@/domain/cancellation/reasons'
import { AppError } from '@/domain/errors'
import { formatInstant } from '@/domain/time'
import { PrivacyPopup } from '@/components/privacy-popup'
import { EmptyState, RemoteView } from '@/components/status-view'
import { useRemote } from '@/hooks/use-remote'
import { showToast } from '@/platform/device'
import { MediaError } from '@/platform/media'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { chooseProofFile } from '@/platform/proof-file'
import { messageOf } from '@/platform/reply'
import { COPY } from '../../copy'
import { getApplication, removeMaterial, uploadProof } from '../../api'
import { MaterialFiles } from '../../components/material-files'
import { detailUrl, editUrl, isApplicationId, reviewUrl } from '../../routes'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const M = COPY.materials

type Slot = ApplicationView['required'][number]

/** Why picking a file gave us nothing usable; a closed picker says nothing. */
function pickFailure(error: unknown): string | undefined {
  if (error instanceof MediaError) return error.reason === 'cancelled' ? undefined : M.media[error.reason]
  return messageOf(error)
}

interface KindProps {
  slot: Slot
  files: MaterialView[]
  required: boolean
  uploading?: string
  busy: boolean
  error?: string
  onUpload: () => void
  onRemove: (file: MaterialView) => void
  removing?: string
}

/** One proof: what it is, what is attached, and the button to add a file. */
function KindCard({ slot, files, required, uploading, busy, error, onUpload, onRemove, removing }: KindProps) {
  const done = slot.attached > 0
  return (
    <View
      className={`cx__card cm__kind${required && !done ? ' cm__kind--todo' : ''}${done ? ' cm__kind--done' : ''}`}
      data-testid={`material-${slot.kind}`}
      data-attached={slot.attached}
      data-required={required}
    >
      <View className='cm__kind-head'>
        <Text className='cm__kind-title'>{slot.title}</Text>
        <Text className={`cm__kind-state cm__kind-state--${done ? 'done' : required ? 'todo' : 'none'}`}>{done ? `✓ ${M.attached(slot.attached)}` : M.none}</Text>
      </View>
      <Text className='cm__kind-hint'>{slot.hint}</Text>
      <MaterialFiles files={files} onRemove={onRemove} removing={removing} />
      {uploading && (
        <View className='cm__uploading' data-testid={`material-uploading-${slot.kind}`}>
          <Loading type='circular' />
          <Text className='cm__uploading-text'>{M.uploading(uploading)}</Text>
        </View>
      )}
      {error && (
        <Text className='cx__error' data-testid={`material-error-${slot.kind}`}>
          {error}
        </Text>
      )}
      <Button
        type='primary'
        fill={required && !done ? 'solid' : 'outline'}
        size='large'
        block
        icon={<Upload size={20} />}
        loading={!!uploading}
        disabled={busy}
        onClick={onUpload}
        data-testid={`material-upload-${slot.kind}`}
      >
        {done ? M.uploadMore : M.upload}
      </Button>
    </View>
  )
}

/**
 * `picking` is held while a file is being chosen and uploaded: in WeChat the chooser hides the page, and the reload on
 * showing it again must not land after the upload with the list as it was before.
 */
function Materials({ initial, onReload, picking }: { initial: ApplicationView; onReload: () => void; picking: MutableRefObject<boolean> }) {
  const [view, setView] = useState(initial)
  const [uploading, setUploading] = useState<{ kind: MaterialKind; name: string }>()
  const [errors, setErrors] = useState<Partial<Record<MaterialKind, string>>>({})
  const [removing, setRemoving] = useState<string>()
  const [asking, setAsking] = useState<MaterialView>()
  useEffect(() => setView(initial), [initial])

  const setError = (kind: MaterialKind, message: string | undefined) => setErrors((e) => ({ ...e, [kind]: message }))

  /** The picker opens first, inside the tap (a browser blocks it after an await); then the checks, upload and attach. */
  const upload = (kind: MaterialKind) => {
    if (uploading || removing) return
    const chosen = chooseProofFile(M.sources)
    picking.current = true
    setError(kind, undefined)
    void (async () => {
      try {
        const file = await chosen
        if (!file) return
        const limit = file.ext === 'pdf' ? MATERIAL_LIMITS.pdfMaxBytes : MATERIAL_LIMITS.imageMaxBytes
        if (file.size > limit) return setError(kind, new AppError('MATERIAL_TOO_LARGE').message)
        setUploading({ kind, name: file.name })
        setView(await uploadProof(view.applicationId, kind, file))
        void showToast(M.uploaded, 'success')
      } catch (error) {
        setError(kind, pickFailure(error))
      } finally {
        setUploading(undefined)
        picking.current = false
      }
    })()
  }

  const remove = () => {
    const file = asking
    setAsking(undefined)
    if (!file) return
    setRemoving(file.materialId)
    setError(file.kind, undefined)
    removeMaterial(view.applicationId, file.materialId)
      .then((next) => {
        setView(next)
        void showToast(M.removed, 'success')
      })
      .catch((error: unknown) => setError(file.kind, messageOf(error)))
      .finally(() => setRemoving(undefined))
  }

  if (!view.canEdit) {
    return (
      <View role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.apply.notEditableTitle} description={COPY.apply.notEditable} />
        <View className='cx__section'>
          <Button type='primary' size='xlarge' block onClick={() => replacePage(detailUrl(view.applicationId))}>
            {COPY.common.toDetail}
          </Button>
        </View>
      </View>
    )
  }

  const filesOf = (kind: MaterialKind) => view.materials.filter((m) => m.kind === kind)
  const done = view.required.filter((r) => r.attached > 0).length
  const total = view.required.length
  const card = (slot: Slot, required: boolean) => (
    <KindCard
      key={slot.kind}
      slot={slot}
      files={filesOf(slot.kind)}
      required={required}
      uploading={uploading?.kind === slot.kind ? uploading.name : undefined}
      busy={!!uploading || !!removing}
      error={errors[slot.kind]}
      onUpload={() => upload(slot.kind)}
      onRemove={setAsking}
      removing={removing}
    />
  )

  return (
    <>
      <View className='cx__hero'>
        <Text className='cx__title'>{M.title}</Text>
        <Text className='cx__intro'>
          {view.cityName} · {view.reasonTitle}
        </Text>
      </View>
      {view.status === 'rejected' && view.rejection && (
        <View className='cx__section'>
          <View className='cx__card cm__rejected' data-testid='materials-rejection'>
            <Text className='cm__rejected-title'>{M.rejectedTitle}</Text>
            <Text className='cm__rejected-reason'>{view.rejection.reason}</Text>
            <Text className='cx__small'>{formatInstant(view.rejection.at)}</Text>
            <Text className='cx__text'>{M.rejectedHint}</Text>
          </View>
        </View>
      )}
      <View className='cx__section'>
        <View className='cx__info cm__limits' data-testid='materials-limits'>
          <Text className='cm__limits-text'>{M.limits}</Text>
          <Text className='cm__limits-text'>{M.tips}</Text>
        </View>
      </View>
      <View className='cx__section'>
        <View className='cm__progress' data-testid='materials-progress' data-done={done} data-total={total}>
          <Text className='cm__progress-text'>{M.progress(done, total)}</Text>
          <Progress percent={total ? Math.round((done / total) * 100) : 100} strokeWidth='10' color='#52c41a' background='#e8e8e8' />
        </View>
      </View>
      <View className='cx__section'>
        <Text className='cx__section-title'>{M.required}</Text>
        {view.required.map((slot) => card(slot, true))}
      </View>
      {view.optional.length > 0 && (
        <View className='cx__section'>
          <Text className='cx__section-title'>{M.optional}</Text>
          {view.optional.map((slot) => card(slot, false))}
        </View>
      )}
      <View className='cx__section cx__actions'>
        {view.missing.length > 0 && (
          <Text className='cx__warn cm__missing' data-testid='materials-missing'>
            {M.missing(view.required.filter((r) => view.missing.includes(r.kind)).map((r) => r.title).join('、'))}
          </Text>
        )}
        <Button type='primary' size='xlarge' block disabled={view.missing.length > 0 || !!uploading} onClick={() => openPage(reviewUrl(view.applicationId))} data-testid='materials-next'>
          {M.next}
        </Button>
        <Button size='large' block fill='outline' icon={<Edit size={18} />} onClick={() => openPage(editUrl(view.applicationId))} data-testid='materials-edit'>
          {M.edit}
        </Button>
        <Button size='large' block fill='none' onClick={onReload} data-testid='materials-refresh'>
          {COPY.common.refresh}
        </Button>
      </View>
      <Dialog
        visible={!!asking}
        title={M.removeTitle}
        content={asking ? M.removeBody(asking.name) : ''}
        confirmText={M.removeConfirm}
        cancelText={M.removeKeep}
        onConfirm={remove}
        onCancel={() => setAsking(undefined)}
      />
    </>
  )
}

function MaterialsPage() {
  const { applicationId: raw } = usePageQuery()
  const applicationId = isApplicationId(raw) ? raw : undefined
  const picking = useRef(false)
  /** Back from editing or reviewing: fresh counts, and fresh links for the thumbnails (they live 10 minutes); not back from the file picker. */
  const remote = useRemote(() => (applicationId ? getApplication(applicationId) : Promise.reject(new AppError('VALIDATION_FAILED', COPY.common.missingId))), [applicationId], {
    reloadOnShow: () => !picking.current,
  })

  return (
    <View className='cx cm'>
      <PrivacyPopup text={M.privacy} />
      <RemoteView remote={remote} retry={!!applicationId}>
        {remote.data && <Materials initial={remote.data} onReload={remote.reload} picking={picking} />}
      </RemoteView>
    </View>
  )
}

export default pageRoot(MaterialsPage)
