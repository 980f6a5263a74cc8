import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Del, File } from '@nutui/icons-react-taro'
import type { MaterialView } from '@/domain/cancellation/cancellation.view'
import { COPY } from '../../copy'
import { formatBytes } from '../../format'
import './index.scss'

interface Props {
  files: readonly MaterialView[]
  /** Shows a delete button on each file. */
  onRemove?: (file: MaterialView) => void
  /** The file being deleted, if any. */
  removing?: string
  /** Shows which proof each file is (when files of several kinds are listed together). */
  showKind?: boolean
}

/** Attached proofs: a thumbnail for pictures, a PDF badge for documents, the name and the size. */
export function MaterialFiles({ files, onRemove, removing, showKind }: Props) {
  if (files.length === 0) return null
  return (
    <View className='cx-files'>
      {files.map((f) => {
        const image = f.mime !== 'application/pdf'
        return (
          <View key={f.materialId} className='cx-file' data-testid='material-file' data-mime={f.mime} data-material-id={f.materialId}>
            {image && f.url ? (
              <Image className='cx-file__thumb' src={f.url} mode='aspectFill' />
            ) : (
              <View className={`cx-file__thumb cx-file__icon${image ? '' : ' cx-file__icon--pdf'}`}>
                <File size={26} color={image ? '#0958d9' : '#cf1322'} />
                {!image && <Text className='cx-file__badge'>PDF</Text>}
              </View>
            )}
            <View className='cx-file__main'>
              <Text className='cx-file__name'>{f.name}</Text>
              {showKind && <Text className='cx-file__kind'>{f.kindTitle}</Text>}
              <Text className='cx-file__meta'>
                {image ? COPY.materials.image : COPY.materials.pdf} · {formatBytes(f.bytes)}
              </Text>
            </View>
            {onRemove && (
              <Button
                className='cx-file__remove'
                size='small'
                fill='outline'
                type='danger'
                icon={<Del size={16} />}
                loading={removing === f.materialId}
                disabled={!!removing}
                onClick={() => onRemove(f)}
                data-testid='material-remove'
              >
                {COPY.materials.remove}
              </Button>
            )}
          </View>
        )
      })}
    </View>
  )
}
