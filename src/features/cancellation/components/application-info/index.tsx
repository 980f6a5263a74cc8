import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { ApplicationView } from '@/domain/cancellation/cancellation.view'
import { COPY } from '../../copy'
import './index.scss'

const R = COPY.review

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Cell
      className='cx-info__row'
      title={<Text className='cx-info__label'>{label}</Text>}
      extra={
        <Text className='cx-info__value' data-testid={testId}>
          {value}
        </Text>
      }
    />
  )
}

function Title({ text, onEdit }: { text: string; onEdit?: () => void }) {
  return (
    <View className='cx-info__title'>
      <Text>{text}</Text>
      {onEdit && (
        <Text className='cx-info__edit' onClick={onEdit}>
          {R.edit}
        </Text>
      )}
    </View>
  )
}

/** What the application says, masked as the function sends it: ID numbers, phone and card show a few digits only. */
export function ApplicationInfo({ view, onEdit }: { view: ApplicationView; onEdit?: () => void }) {
  return (
    <View className='cx-infos' data-testid='app-info'>
      <CellGroup className='cx-info' title={<Title text={R.caseTitle} />}>
        <Row label={R.city} value={view.cityName} testId='info-city' />
        <Row label={R.reason} value={view.reasonTitle} testId='info-reason' />
        <Row label={R.reviewDays} value={COPY.common.workingDays(view.reviewDays)} testId='info-review-days' />
      </CellGroup>
      <CellGroup className='cx-info' title={<Title text={R.insuredTitle} onEdit={onEdit} />}>
        <Row label={R.name} value={view.insured.name} testId='info-insured-name' />
        <Row label={R.idNumber} value={view.insured.idNumberMasked} testId='info-insured-id' />
        {!view.heir && <Row label={R.phone} value={view.phoneMasked} testId='info-phone' />}
      </CellGroup>
      {view.heir && (
        <CellGroup className='cx-info' title={<Title text={R.heirTitle} onEdit={onEdit} />}>
          <Row label={R.name} value={view.heir.name} testId='info-heir-name' />
          <Row label={R.idNumber} value={view.heir.idNumberMasked} testId='info-heir-id' />
          <Row label={R.relation} value={view.heir.relationLabel} />
          <Row label={R.phone} value={view.phoneMasked} testId='info-phone' />
        </CellGroup>
      )}
      <CellGroup className='cx-info' title={<Title text={R.bankTitle} onEdit={onEdit} />}>
        <Row label={R.bank} value={view.bank.bankName} testId='info-bank' />
        <Row label={R.card} value={view.bank.cardMasked} testId='info-card' />
        <Row label={R.holder} value={view.bank.holderName} testId='info-holder' />
      </CellGroup>
    </View>
  )
}
