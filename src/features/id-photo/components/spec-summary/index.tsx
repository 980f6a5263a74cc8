import { View, Text } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { formatRange } from '@/domain/photo/checks'
import type { SpecShape } from '@/domain/photo/spec.types'
import { COPY } from '../../copy'
import './index.scss'

/** The spec that applies, as people read it: title, pixels, print size, DPI, background and file size. */
export function SpecSummary({ spec, note }: { spec: SpecShape; note?: string }) {
  const rows: Array<[string, string, string]> = [
    ['pixels', COPY.spec.pixels, COPY.spec.pixelsValue(spec.pixels.width, spec.pixels.height)],
    ['print', COPY.spec.print, COPY.spec.printValue(spec.printMm.width, spec.printMm.height)],
    ['dpi', COPY.spec.dpi, COPY.spec.dpiValue(spec.dpi)],
    ['background', COPY.spec.background, spec.background.name],
    ['file-size', COPY.spec.fileSize, formatRange(spec.fileKb)],
  ]
  return (
    <View className='spec-summary' data-testid='spec-summary'>
      <CellGroup
        title={
          <View className='spec-summary__head'>
            <Text className='spec-summary__title' data-testid='spec-title'>
              {spec.title}
            </Text>
            {note && <Text className='spec-summary__note'>{note}</Text>}
          </View>
        }
      >
        {rows.map(([key, label, value]) => (
          <Cell key={key} className='spec-summary__row' title={label} extra={<Text data-testid={`spec-${key}`}>{value}</Text>} />
        ))}
      </CellGroup>
    </View>
  )
}
