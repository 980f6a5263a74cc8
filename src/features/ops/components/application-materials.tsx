import { View, Text, Image } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Checked, File as FileIcon, Tips } from '@nutui/icons-react-taro'
import type { MaterialView, OpsApplicationDetail } from '@/domain/cancellation/cancellation.view'
import { formatInstant } from '@/domain/time'
import { showToast } from '@/platform/device'
import { openDocument, previewImages } from '@/platform/open-document'
import { COPY } from '../copy'
import './application-materials.scss'

const MB = 1024 * 1024

const sizeText = (bytes: number) => (bytes < MB ? COPY.application.kb(Math.max(1, Math.round(bytes / 1024))) : COPY.application.mb((bytes / MB).toFixed(1)))

const isImage = (m: MaterialView) => m.mime !== 'application/pdf'

type ChecklistItem = OpsApplicationDetail['required'][number]

function ChecklistRow({ item, required }: { item: ChecklistItem; required: boolean }) {
  const attached = item.attached > 0
  return (
    <View className='app-mat__check' data-testid='ops-app-checklist-item' data-kind={item.kind} data-attached={item.attached}>
      {attached ? <Checked size={22} color='#389e0d' /> : <Tips size={22} color={required ? '#cf1322' : '#bfbfbf'} />}
      <View className='app-mat__check-body'>
        <View className='app-mat__check-top'>
          <Text className='app-mat__check-title'>{item.title}</Text>
          {!required && (
            <Tag type='default' background='#8c8c8c' className='app-mat__optional'>
              {COPY.application.optional}
            </Tag>
          )}
        </View>
        <Text className='app-mat__check-hint'>{item.hint}</Text>
      </View>
      <Text className={`app-mat__check-state${attached ? ' app-mat__check-state--ok' : required ? ' app-mat__check-state--bad' : ''}`}>
        {attached ? COPY.application.attached(item.attached) : COPY.application.notAttached}
      </Text>
    </View>
  )
}

/** What the office asks for, ticked off against what the user attached. */
export function MaterialChecklist({ view }: { view: OpsApplicationDetail }) {
  return (
    <View className='ops-panel__card' data-testid='ops-app-checklist' data-missing={view.missing.length}>
      <Text className='ops-panel__card-title'>{COPY.application.checklist}</Text>
      <Text className={`app-mat__summary${view.missing.length ? ' app-mat__summary--bad' : ''}`}>
        {view.missing.length ? COPY.application.missingCount(view.missing.length) : COPY.application.complete}
      </Text>
      {view.required.map((item) => (
        <ChecklistRow key={item.kind} item={item} required />
      ))}
      {view.optional.map((item) => (
        <ChecklistRow key={item.kind} item={item} required={false} />
      ))}
    </View>
  )
}

function open(material: MaterialView, images: string[]) {
  const { url } = material
  if (!url) return void showToast(COPY.application.noUrl)
  const opened = isImage(material) ? previewImages(images, url) : openDocument(url)
  opened.catch(() => showToast(COPY.application.openFailed))
}

function MaterialRow({ material, images }: { material: MaterialView; images: string[] }) {
  const image = isImage(material)
  return (
    <View className='app-mat__file' onClick={() => open(material, images)} data-testid='ops-app-material' data-kind={material.kind} data-mime={material.mime}>
      {image && material.url ? (
        <Image className='app-mat__thumb' src={material.url} mode='aspectFill' data-testid='ops-app-material-thumb' />
      ) : (
        <View className='app-mat__thumb app-mat__thumb--doc'>
          <FileIcon size={28} color='#cf1322' />
          <Text className='app-mat__doc-ext'>{image ? '' : 'PDF'}</Text>
        </View>
      )}
      <View className='app-mat__file-body'>
        <Text className='app-mat__file-kind'>{material.kindTitle}</Text>
        <Text className='app-mat__file-name'>{material.name}</Text>
        <Text className='app-mat__file-meta'>
          {sizeText(material.bytes)} · {formatInstant(material.uploadedAt)}
        </Text>
        {image ? (
          <Text className='app-mat__file-open'>{COPY.application.viewImage}</Text>
        ) : (
          <Button size='small' type='primary' fill='outline' className='app-mat__pdf' data-testid='ops-app-material-open'>
            {COPY.application.openPdf}
          </Button>
        )}
      </View>
    </View>
  )
}

/** Every proof the user attached: pictures open full screen, PDFs in the viewer. Their URLs live 5 minutes. */
export function MaterialFiles({ view }: { view: OpsApplicationDetail }) {
  const images = view.materials.filter((m) => isImage(m) && m.url).map((m) => m.url as string)
  return (
    <View className='ops-panel__card' data-testid='ops-app-materials'>
      <Text className='ops-panel__card-title'>{COPY.application.files}</Text>
      {view.materials.length === 0 ? (
        <Text className='ops-panel__note'>{COPY.application.noFiles}</Text>
      ) : (
        <>
          <Text className='ops-panel__note'>{COPY.application.filesHint}</Text>
          {view.materials.map((m) => (
            <MaterialRow key={m.materialId} material={m} images={images} />
          ))}
        </>
      )}
    </View>
  )
}
