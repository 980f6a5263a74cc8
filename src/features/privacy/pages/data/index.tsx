import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Checked, Del, Download } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { AppError } from '@/domain/errors'
import { DELETE_CONFIRMATION } from '@/domain/privacy/retention'
import { shanghaiDate } from '@/domain/time'
import { forgetConsent } from '@/components/consent-gate'
import { useAction } from '@/hooks/use-action'
import { showToast } from '@/platform/device'
import { goHome } from '@/platform/navigation'
import { canShareFile, saveJson, shareFile, type SavedJson } from '@/platform/save-json'
import { COPY } from '../../copy'
import { deleteAccount, exportData, type DeletionReport } from '../../api'
import '../../styles.scss'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const D = COPY.data

/** The export's file name: `huizhi-data-2026-11-24.json`, dated in Asia/Shanghai. */
const exportName = () => `huizhi-data-${shanghaiDate(new Date())}.json`

function ExportSection() {
  const [saved, setSaved] = useState<SavedJson>()
  const exporting = useAction(async () => setSaved(await saveJson(exportName(), await exportData())), {
    message: (e) => (e instanceof AppError ? e.message : D.exportFailed),
  })
  const { busy, error } = exporting
  const run = () => void exporting.run()

  const share = () => {
    if (saved?.kind !== 'saved') return
    shareFile(saved.path, saved.name).catch((e: unknown) => {
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) void showToast(D.shareFailed)
    })
  }

  return (
    <View className='pv__section'>
      <Text className='pv__section-title'>{D.exportTitle}</Text>
      <View className='pv__card'>
        <Text className='pv__text'>{D.exportBody}</Text>
        <Text className='pv__small'>{D.exportWarn}</Text>
        {saved && (
          <View className='mydata__done' role='status' data-testid='data-exported' data-file={saved.name}>
            <Checked size={20} color='#389e0d' />
            <View className='mydata__done-text'>
              <Text>{saved.kind === 'downloaded' ? D.downloaded(saved.name) : D.saved(saved.name)}</Text>
              {saved.kind === 'saved' && <Text className='pv__small mydata__path'>{D.savedPath(saved.path)}</Text>}
            </View>
          </View>
        )}
        {error && (
          <View className='pv__error' role='alert' data-testid='data-export-error'>
            {error}
          </View>
        )}
        <Button type='primary' fill='outline' size='xlarge' block icon={<Download size={22} />} loading={busy} disabled={busy} onClick={run} data-testid='data-export'>
          {busy ? D.exporting : D.export}
        </Button>
        {saved?.kind === 'saved' && canShareFile && (
          <Button type='primary' size='xlarge' block onClick={share} data-testid='data-share'>
            {D.share}
          </Button>
        )}
      </View>
    </View>
  )
}

function DeleteSection({ onDeleted }: { onDeleted: (report: DeletionReport) => void }) {
  const [typed, setTyped] = useState('')
  const matches = typed.trim() === DELETE_CONFIRMATION
  const deletion = useAction(
    async () => {
      const report = await deleteAccount(DELETE_CONFIRMATION)
      forgetConsent()
      onDeleted(report)
    },
    { holdOnSuccess: true },
  )
  const { busy, error } = deletion
  const run = () => {
    if (matches) void deletion.run()
  }

  return (
    <View className='pv__section'>
      <Text className='pv__section-title'>{D.deleteTitle}</Text>
      <View className='pv__card mydata__danger'>
        <Text className='pv__text'>{D.deleteIntro}</Text>
        <View className='pv__list'>
          {D.deleteItems.map((item) => (
            <Text key={item} className='pv__item mydata__item'>
              {item}
            </Text>
          ))}
        </View>
        <Text className='mydata__kept'>{D.deleteKept}</Text>
        <View className='mydata__warn' role='note'>
          {D.deleteWarn}
        </View>
        <View className='mydata__confirm'>
          <Text className='mydata__confirm-label'>{D.confirmLabel(DELETE_CONFIRMATION)}</Text>
          <Input
            className='mydata__input'
            name='confirm'
            type='text'
            maxLength={20}
            placeholder={D.confirmPlaceholder}
            value={typed}
            clearable
            onChange={setTyped}
            data-testid='data-delete-confirm'
          />
        </View>
        {error && (
          <View className='pv__error' role='alert' data-testid='data-delete-error'>
            {error}
          </View>
        )}
        <Button className='mydata__delete' type='danger' size='xlarge' block icon={<Del size={22} />} loading={busy} disabled={!matches || busy} onClick={run} data-testid='data-delete-submit'>
          {busy ? D.deleting : D.delete}
        </Button>
      </View>
    </View>
  )
}

function DeletedPanel({ report }: { report: DeletionReport }) {
  const rows: Array<[string, string, number]> = [
    ...Object.entries(D.counts).map(([key, label]): [string, string, number] => [key, label, report.deleted[key] ?? 0]),
    ['files', D.files, report.files],
    ['anonymised', D.anonymised, report.anonymisedPayments],
  ]
  return (
    <View className='pv__section'>
      <View className='pv__card mydata__deleted' data-testid='data-deleted'>
        <View className='mydata__deleted-head'>
          <Checked size={28} color='#389e0d' />
          <Text className='mydata__deleted-title'>{D.deletedTitle}</Text>
        </View>
        <Text className='pv__text'>{D.deletedIntro}</Text>
        <View className='mydata__counts'>
          {rows.map(([key, label, n]) => (
            <View key={key} className='mydata__count' data-testid={`data-deleted-${key}`} data-count={n}>
              <Text className='mydata__count-label'>{label}</Text>
              <Text className='mydata__count-value'>{D.unit(n)}</Text>
            </View>
          ))}
        </View>
        <Text className='pv__small'>{D.deletedNote}</Text>
        <Button type='primary' size='xlarge' block onClick={goHome} data-testid='data-home'>
          {COPY.common.home}
        </Button>
      </View>
    </View>
  )
}

function DataPage() {
  const [report, setReport] = useState<DeletionReport>()
  return (
    <View className='pv mydata'>
      <View className='pv__hero'>
        <Text className='pv__title'>{D.title}</Text>
        <Text className='pv__intro'>{D.intro}</Text>
      </View>
      {report ? (
        <DeletedPanel report={report} />
      ) : (
        <>
          <ExportSection />
          <DeleteSection onDeleted={setReport} />
        </>
      )}
    </View>
  )
}

export default pageRoot(DataPage)
