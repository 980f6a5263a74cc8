import { View, Text, Image } from '@tarojs/components'
import { Button, Empty } from '@nutui/nutui-react-taro'
import { Download, ImageError } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { PrivacyPopup } from '@/components/privacy-popup'
import { StatusView } from '@/components/status-view'
import { useRemote } from '@/hooks/use-remote'
import type { PrintSheetResult } from '@/domain/photo/photo.schema'
import { ONE_INCH, pxToMm, SHEETS, TWO_INCH, type SheetId } from '@/domain/photo/print-layout'
import { photoSpecById } from '@/domain/photo/catalogue'
import { replacePage, usePageQuery } from '@/platform/navigation'
import { printSheet } from '../../api'
import { COPY } from '../../copy'
import { SaveStatus } from '../../components/save-status'
import { choiceUrl } from '../../routes'
import { useSavePhoto } from '../../use-save-photo'
import './index.scss'
import { pageRoot } from '@/components/page-root'

type Layout = 'spec' | 'mixed'

/** How many copies of each size, and the printed size of each, from its pixels and the sheet's DPI. */
function copyLines(sheet: PrintSheetResult, titles: Record<string, string>): string[] {
  const keys = [...new Set(sheet.copies.map((c) => c.key))]
  return keys.map((key) => {
    const of = sheet.copies.filter((c) => c.key === key)
    return COPY.print.copyLine(titles[key] ?? key, of.length, pxToMm(of[0].width, sheet.dpi).toFixed(1), pxToMm(of[0].height, sheet.dpi).toFixed(1))
  })
}

function Chips<T extends string>({ options, value, onChange, testId }: { options: ReadonlyArray<{ id: T; title: string }>; value: T; onChange: (v: T) => void; testId: string }) {
  return (
    <View className='print__chips'>
      {options.map((o) => (
        <View key={o.id} className={`print__chip${o.id === value ? ' print__chip--on' : ''}`} onClick={() => onChange(o.id)} data-testid={`${testId}-${o.id}`} data-selected={o.id === value}>
          <Text>{o.title}</Text>
        </View>
      ))}
    </View>
  )
}

function PrintPage() {
  const { photoId = '', specId = '' } = usePageQuery()
  const spec = photoSpecById(specId)
  const [sheet, setSheet] = useState<SheetId>('6in')
  const [layout, setLayout] = useState<Layout>('spec')
  const remote = useRemote(() => printSheet({ photoId, sheet, layout }), [photoId, sheet, layout])
  const saver = useSavePhoto(async () => {
    const made = remote.data ?? (await printSheet({ photoId, sheet, layout }))
    return { url: made.url, fileName: `排版照-${sheet}-${layout}.jpg` }
  })

  if (!spec || !photoId) {
    return (
      <View className='print'>
        <Empty className='print__empty' image={<ImageError size={72} color='#bfbfbf' />} title={COPY.print.title} description={COPY.print.missing} />
        <Button type='primary' size='large' block onClick={() => replacePage(choiceUrl())}>
          {COPY.print.back}
        </Button>
      </View>
    )
  }

  const titles: Record<string, string> = { [spec.id]: spec.title, [ONE_INCH.key]: ONE_INCH.title, [TWO_INCH.key]: TWO_INCH.title }
  const made = remote.data
  return (
    <View className='print' data-testid='print-page'>
      <Text className='print__intro'>{COPY.print.intro}</Text>
      <View className='print__card'>
        <Text className='print__label'>{COPY.print.sheetTitle}</Text>
        <Chips options={SHEETS} value={sheet} onChange={setSheet} testId='sheet' />
        <Text className='print__label'>{COPY.print.layoutTitle}</Text>
        <Chips
          options={[
            { id: 'spec' as const, title: COPY.print.layoutSpec(spec.title, spec.printMm.width, spec.printMm.height) },
            { id: 'mixed' as const, title: COPY.print.layoutMixed },
          ]}
          value={layout}
          onChange={setLayout}
          testId='layout'
        />
      </View>
      <StatusView loading={remote.loading} error={remote.error} onRetry={remote.reload} loadingText={COPY.print.making}>
        {made && (
          <View className='print__card' data-testid='sheet-result' data-sheet={made.sheet} data-layout={layout}>
            <View className='print__paper' style={{ paddingTop: `${((made.height / made.width) * 100).toFixed(2)}%` }}>
              <Image className='print__image' src={made.url} mode='scaleToFill' data-testid='sheet-image' />
            </View>
            <Text className='print__count' data-testid='sheet-count'>
              {COPY.print.copies(made.copies.length)}
            </Text>
            {copyLines(made, titles).map((line) => (
              <Text key={line} className='print__line' data-testid='sheet-copy-line'>
                {line}
              </Text>
            ))}
            <Text className='print__line'>{COPY.print.sheetPixels(made.width, made.height, made.dpi)}</Text>
            <Text className='print__tip'>{COPY.print.printTip}</Text>
            <SaveStatus state={saver} testId='save-sheet' />
            <Button type='primary' size='xlarge' block icon={<Download size={20} />} disabled={saver.saving} loading={saver.saving} onClick={saver.save} data-testid='save-sheet'>
              {saver.saving ? COPY.save.saving : COPY.print.save}
            </Button>
          </View>
        )}
      </StatusView>
      <PrivacyPopup />
    </View>
  )
}

export default pageRoot(PrintPage)
