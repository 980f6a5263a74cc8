import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup, Radio } from '@nutui/nutui-react-taro'
import { Photograph, Tips } from '@nutui/icons-react-taro'
import { useEffect, useMemo, useState } from 'react'
import { formatYuan, priceOf } from '@/domain/order/prices'
import { RECEIPT_COVERAGE, provincesWithReceipt } from '@/domain/order/receipt-coverage'
import { hasSourcedValidity, validityDays } from '@/domain/order/receipt-validity'
import { DOCUMENT_TYPES, resolveSpec, specById } from '@/domain/photo/specs'
import type { DocumentType, PhotoSpec } from '@/domain/photo/spec.types'
import { allProvinces, cityByCode, type City, type Province } from '@/domain/region'
import { CityPicker } from '@/components/city-picker'
import { EmptyState } from '@/components/status-view'
import { openPage, replacePage, usePageQuery } from '@/platform/navigation'
import { COPY } from '../../copy'
import { rememberPhotoUrl } from '../../draft'
import { FlowSteps } from '../../components/flow-steps'
import { applicantUrl, idPhotoUrl, isOrderId, isPhotoId, printSheetUrl, resubmitUrl } from '../../routes'
import './index.scss'
import { pageRoot } from '@/components/page-root'

const titleOf = (type: DocumentType) => DOCUMENT_TYPES.find((d) => d.type === type)?.title ?? type

/** The provinces and cities that take a receipt of this type and whose receipts take a photo made to this spec. */
function provincesFor(spec: PhotoSpec): Province[] {
  return provincesWithReceipt(spec.documentType)
    .map((p) => ({ ...p, cities: p.cities.filter((c) => resolveSpec(spec.documentType, c.code).id === spec.id) }))
    .filter((p) => p.cities.length > 0)
}

function Notes({ documentType, city }: { documentType?: DocumentType; city?: City }) {
  return (
    <View className='rcp__notes'>
      <Text className='rcp__notes-title'>{COPY.start.notesTitle}</Text>
      <Text className='rcp__note'>· {COPY.common.reviewTime}</Text>
      <Text className='rcp__note'>· {COPY.common.freeResubmit}</Text>
      {documentType && city && (
        <Text className='rcp__note' data-testid='receipt-validity-note'>
          · {(hasSourcedValidity(documentType, city.code) ? COPY.common.validity : COPY.common.validityReference)(validityDays(documentType, city.code))}
        </Text>
      )}
    </View>
  )
}

function Price({ documentType, city }: { documentType: DocumentType; city: City }) {
  return (
    <CellGroup>
      <Cell
        title={<Text className='rcp__label'>{COPY.start.priceLabel}</Text>}
        extra={
          <Text className='rcp__price' data-testid='receipt-price'>
            {formatYuan(priceOf(documentType, city.code))}
          </Text>
        }
      />
    </CellGroup>
  )
}

/** No photo yet: pick the document type and the exact city, then go and take the photo. */
function ChooseStart() {
  const [documentType, setDocumentType] = useState<DocumentType>()
  const [city, setCity] = useState<City>()
  const provinces = useMemo(() => (documentType ? provincesWithReceipt(documentType) : allProvinces()), [documentType])
  const cityOffered = !!city && provinces.some((p) => p.cities.some((c) => c.code === city.code))
  const ready = !!documentType && !!city && cityOffered
  const coverage = documentType && RECEIPT_COVERAGE[documentType]
  return (
    <View className='rcp'>
      <View className='rcp__hero'>
        <Text className='rcp__title'>{COPY.start.title}</Text>
        <Text className='rcp__intro'>{COPY.start.intro}</Text>
        <Text className='rcp__hint'>{COPY.start.hint}</Text>
      </View>
      <View className='rcp__section'>
        <FlowSteps current={1} />
      </View>
      <View className='rcp__section'>
        <Text className='rcp__section-title'>{COPY.start.documentTitle}</Text>
        <Radio.Group direction='horizontal' value={documentType ?? ''} onChange={(v) => setDocumentType(v as DocumentType)} className='rcp__types' data-testid='document-types'>
          {DOCUMENT_TYPES.map((d) => (
            <Radio key={d.type} value={d.type} shape='button' className='rcp__type' data-testid={`document-${d.type}`}>
              {d.title}
            </Radio>
          ))}
        </Radio.Group>
      </View>
      <View className='rcp__section'>
        <Text className='rcp__section-title'>{COPY.start.cityTitle}</Text>
        <CityPicker provinces={provinces} city={cityOffered ? city : undefined} onChange={setCity} labels={COPY.start.cityPicker} />
        <Text className='rcp__city-hint'>{coverage ? COPY.start.coverageHint(coverage.where) : COPY.start.cityHint}</Text>
        {coverage && (
          <View className='rcp__outside' data-testid='receipt-outside'>
            <Text className='rcp__city-hint'>{coverage.elsewhere}</Text>
            <Button size='large' block fill='outline' onClick={() => openPage(idPhotoUrl({ documentType }))} data-testid='receipt-outside-products'>
              {COPY.start.outsideCoverage(coverage.where)}
            </Button>
          </View>
        )}
      </View>
      {ready && (
        <View className='rcp__section'>
          <Price documentType={documentType} city={city} />
        </View>
      )}
      <View className='rcp__section'>
        <Notes documentType={documentType} city={city} />
      </View>
      <View className='rcp__section rcp__actions'>
        {!ready && <Text className='rcp__need'>{COPY.start.needChoice}</Text>}
        <Button
          type='primary'
          size='xlarge'
          block
          disabled={!ready}
          icon={<Photograph size={24} />}
          onClick={() => ready && openPage(idPhotoUrl({ documentType, cityCode: city.code }))}
          data-testid='receipt-next'
        >
          {COPY.start.next}
        </Button>
      </View>
    </View>
  )
}

/** A photo made to a spec no covered city uses (社保卡 outside Guangdong): no receipt, the electronic photo and the print sheet instead. */
function NoReceipt({ spec, photoId }: { spec: PhotoSpec; photoId: string }) {
  const coverage = RECEIPT_COVERAGE[spec.documentType]
  return (
    <View className='rcp' data-testid='receipt-not-offered'>
      <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.photo.noReceiptTitle} description={coverage ? `${coverage.notOffered}。${coverage.elsewhere}` : ''} />
      <View className='rcp__section rcp__actions'>
        <Button type='primary' size='xlarge' block onClick={() => openPage(printSheetUrl(photoId, spec.id))} data-testid='receipt-to-products'>
          {COPY.photo.toProducts}
        </Button>
      </View>
    </View>
  )
}

/**
 * Back from the id-photo flow with a checked photo. Type and city were chosen before the photo, so the flow goes
 * straight on to the applicant; this page only asks for the city when the link did not bring one this spec takes.
 */
function WithPhoto({ spec, photoId, cityCode }: { spec: PhotoSpec; photoId: string; cityCode?: string }) {
  const provinces = useMemo(() => provincesFor(spec), [spec])
  const allowed = (code: string | undefined) => !!code && provinces.some((p) => p.cities.some((c) => c.code === code))
  const initial = allowed(cityCode) ? cityByCode(cityCode!) : provinces.length === 1 && provinces[0].cities.length === 1 ? provinces[0].cities[0] : undefined
  const [city, setCity] = useState<City | undefined>(initial)
  const documentType = spec.documentType
  const fixed = provinces.length === 1 && provinces[0].cities.length === 1
  const decided = initial?.code
  useEffect(() => {
    if (decided) replacePage(applicantUrl({ documentType, cityCode: decided, photoId }))
  }, [decided, documentType, photoId])
  if (decided) return <View className='rcp' aria-busy='true' data-testid='receipt-forwarding' />

  return (
    <View className='rcp'>
      <View className='rcp__hero'>
        <Text className='rcp__title'>{COPY.photo.title}</Text>
        <Text className='rcp__intro'>{COPY.photo.intro}</Text>
      </View>
      <View className='rcp__section'>
        <FlowSteps current={3} />
      </View>
      <View className='rcp__section'>
        <CellGroup>
          <Cell
            title={<Text className='rcp__label'>{COPY.photo.documentLabel}</Text>}
            extra={
              <Text className='rcp__value' data-testid='receipt-document'>
                {titleOf(documentType)}
              </Text>
            }
          />
          <Cell title={<Text className='rcp__label'>{COPY.photo.specLabel}</Text>} extra={<Text className='rcp__value'>{spec.title}</Text>} />
          <Cell
            title={<Text className='rcp__label'>{COPY.photo.photoLabel}</Text>}
            extra={
              <Text className='rcp__ok' data-testid='receipt-photo-ok'>
                ✓ {COPY.photo.photoChecked}
              </Text>
            }
          />
        </CellGroup>
      </View>
      <View className='rcp__section'>
        <CityPicker provinces={provinces} city={city} onChange={setCity} labels={COPY.start.cityPicker} />
        {!fixed && <Text className='rcp__city-hint'>{COPY.photo.cityForSpec(spec.title)}</Text>}
      </View>
      {city && (
        <View className='rcp__section'>
          <Price documentType={documentType} city={city} />
        </View>
      )}
      <View className='rcp__section'>
        <Notes documentType={documentType} city={city} />
      </View>
      <View className='rcp__section rcp__actions'>
        {!city && <Text className='rcp__need'>{COPY.photo.needCity}</Text>}
        <Button
          type='primary'
          size='xlarge'
          block
          disabled={!city}
          onClick={() => city && openPage(applicantUrl({ documentType, cityCode: city.code, photoId }))}
          data-testid='receipt-next'
        >
          {COPY.photo.next}
        </Button>
        <Button size='large' block fill='outline' onClick={() => openPage(idPhotoUrl({ documentType, cityCode: city?.code }))} data-testid='receipt-retake'>
          {COPY.photo.retake}
        </Button>
      </View>
    </View>
  )
}

function ReceiptStartPage() {
  const { specId, photoId, cityCode, resubmitOrderId, photoUrl } = usePageQuery()
  const resubmitting = isOrderId(resubmitOrderId) && isPhotoId(photoId)

  /** Before any page goes on: 确认订单 shows the photo being paid for. */
  if (photoUrl && isPhotoId(photoId)) rememberPhotoUrl(photoId, photoUrl)

  /** The id-photo flow may come back here with a new photo for a rejected order: that is a free resubmission. */
  useEffect(() => {
    if (resubmitting) replacePage(resubmitUrl(resubmitOrderId, photoId))
  }, [resubmitting, resubmitOrderId, photoId])

  if (resubmitting) return <View className='rcp' />
  if (!specId && !photoId) return <ChooseStart />
  const spec = specId ? specById(specId) : undefined
  if (!spec || !isPhotoId(photoId)) {
    return (
      <View className='rcp' role='alert'>
        <EmptyState image={<Tips size={72} color='#bfbfbf' />} title={COPY.photo.badLinkTitle} description={COPY.photo.badLink} />
        <View className='rcp__section rcp__actions'>
          <Button type='primary' size='xlarge' block onClick={() => replacePage(idPhotoUrl())}>
            {COPY.photo.retake}
          </Button>
        </View>
      </View>
    )
  }
  if (provincesFor(spec).length === 0) return <NoReceipt spec={spec} photoId={photoId} />
  return <WithPhoto spec={spec} photoId={photoId} cityCode={cityCode} />
}

export default pageRoot(ReceiptStartPage)
